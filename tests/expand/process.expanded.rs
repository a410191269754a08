#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn process(
    input: String,
) -> impl ::core::future::Future<
    Output = usize,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<()> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `process`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch_length(&trimmed).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: log_result(doubled).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, F0, F1 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { input : T0 }, #[doc = "Suspended at `fetch_length(&trimmed).await`."]
        Suspend0 { #[pin] __awaitee : ::desugar::__private::Awaited < F0 >, trimmed :
        ::desugar::__private::Live < T1 >, input : T0 }, #[doc =
        "Suspended at `log_result(doubled).await`."] Suspend1 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F1 >, doubled : T2, trimmed :
        ::desugar::__private::Live < T1 >, input : T0 }, #[doc =
        "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, F0, F1> ::desugar::__private::State<__Homes<T1>>
    for __State<T0, T1, T2, F0, F1> {
        fn returned() -> Self {
            __State::Returned
        }
        fn panicked() -> Self {
            __State::Panicked
        }
        fn is_returned(&self) -> bool {
            match self {
                __State::Returned => true,
                _ => false,
            }
        }
        fn name(&self) -> &'static str {
            match self {
                __State::Unresumed { .. } => "Unresumed",
                __State::Suspend0 { .. } => "Suspend0",
                __State::Suspend1 { .. } => "Suspend1",
                __State::Returned => "Returned",
                __State::Panicked => "Panicked",
            }
        }
        const INFO: ::desugar::__private::MachineInfo = ::desugar::__private::MachineInfo::__new(
            "7:process273:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch_length(&trimmed).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: log_result(doubled).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n5;9:Unresumed-1;A5:input8:Suspend0+28:fetch_length(&trimmed).await3;W9:__awaiteeh7:trimmedC5:input8:Suspend1+25:log_result(doubled).await4;W9:__awaiteeC7:doubledh7:trimmedC5:input8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<::desugar::__private::Field<T0>>,
                ::desugar::__private::Row<
                    (
                        ::desugar::__private::Field<F0>,
                        (
                            ::desugar::__private::Field<T1>,
                            ::desugar::__private::Field<T0>,
                        ),
                    ),
                >,
            ),
            (
                ::desugar::__private::Row<
                    (
                        (
                            ::desugar::__private::Field<F1>,
                            ::desugar::__private::Field<T2>,
                        ),
                        (
                            ::desugar::__private::Field<T1>,
                            ::desugar::__private::Field<T0>,
                        ),
                    ),
                >,
                (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
            ),
        );
        fn drop_suspended(
            self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut __Homes<T1>>,
        ) {
            match self.project_replace(__State::Returned) {
                __StateReplace::Suspend0 {
                    trimmed: __dropped_trimmed,
                    input: __dropped_input,
                    ..
                } => {
                    let __dropped_input = __dropped_input;
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_trimmed = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().trimmed,
                            __dropped_trimmed,
                        )
                    };
                }
                __StateReplace::Suspend1 {
                    doubled: __dropped_doubled,
                    trimmed: __dropped_trimmed,
                    input: __dropped_input,
                    ..
                } => {
                    let __dropped_input = __dropped_input;
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_trimmed = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().trimmed,
                            __dropped_trimmed,
                        )
                    };
                    let __dropped_doubled = __dropped_doubled;
                }
                _ => {}
            }
        }
    }
    ::desugar::__private::pin_project! {
        #[doc = "Where the values borrowed across an `.await` live: they must not move."]
        struct __Homes < H0 > { #[pin] trimmed : ::desugar::__private::Slot < H0 >,
        #[pin] __pinned : ::desugar::__private::PhantomPinned, }
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed { input: input },
        __Homes {
            trimmed: ::desugar::__private::Slot::new(),
            __pinned: ::desugar::__private::PhantomPinned,
        },
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<usize> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed { input: __saved_input, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let input = __saved_input;
                        let trimmed = input.trim().to_string();
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_trimmed = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().trimmed,
                                trimmed,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let trimmed = unsafe { __home_trimmed.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            fetch_length(&(*unsafe { __home_trimmed.place() })),
                        );
                        __state
                            .set(__State::Suspend0 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                trimmed: __home_trimmed.store_live(),
                                input: input,
                            });
                        continue '__dispatch;
                    }
                    __StateProj::Suspend0 { __awaitee, .. } => {
                        let __result = match ::desugar::__private::Future::poll(
                            ::desugar::__private::Awaited::pinned(__awaitee),
                            __cx,
                        ) {
                            ::desugar::__private::Poll::Ready(__value) => __value,
                            ::desugar::__private::Poll::Pending => {
                                return ::desugar::__private::Poll::Pending;
                            }
                        };
                        let __StateReplace::Suspend0 {
                            trimmed: __saved_trimmed,
                            input: __saved_input,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let input = __saved_input;
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_trimmed = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().trimmed,
                                __saved_trimmed,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let trimmed = unsafe { __home_trimmed.place() };
                        let result = { __result };
                        let doubled = result * 2;
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            log_result(doubled),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                doubled: doubled,
                                trimmed: __home_trimmed.store_live(),
                                input: input,
                            });
                        continue '__dispatch;
                    }
                    __StateProj::Suspend1 { __awaitee, .. } => {
                        let __result = match ::desugar::__private::Future::poll(
                            ::desugar::__private::Awaited::pinned(__awaitee),
                            __cx,
                        ) {
                            ::desugar::__private::Poll::Ready(__value) => __value,
                            ::desugar::__private::Poll::Pending => {
                                return ::desugar::__private::Poll::Pending;
                            }
                        };
                        let __StateReplace::Suspend1 {
                            doubled: __saved_doubled,
                            trimmed: __saved_trimmed,
                            input: __saved_input,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let input = __saved_input;
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_trimmed = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().trimmed,
                                __saved_trimmed,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let trimmed = unsafe { __home_trimmed.place() };
                        let doubled = __saved_doubled;
                        { __result };
                        return ::desugar::__private::Poll::Ready(doubled);
                    }
                    __StateProj::Returned => {
                        ::desugar::__private::resumed_after_completion()
                    }
                    __StateProj::Panicked => {
                        ::desugar::__private::resumed_after_panicking()
                    }
                }
            }
        },
    )
}
#[doc(hidden)]
#[allow(dead_code, non_snake_case)]
async fn process_rustc(input: String) -> usize {
    let trimmed = input.trim().to_string();
    let result = fetch_length(&trimmed).await;
    let doubled = result * 2;
    log_result(doubled).await;
    doubled
}

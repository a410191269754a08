#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn page_length<'__life0>(
    base: &'__life0 str,
) -> impl ::core::future::Future<
    Output = usize,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<(&'__life0 (),)> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `page_length`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch_length(&format!(\"{base}/page\")).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: log_result(length).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, F0, F1 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { base : T0 }, #[doc =
        "Suspended at `fetch_length(&format!(\"{base}/page\")).await`."] Suspend0 {
        #[pin] __temporary1 : ::desugar::__private::Slot < T1 >, __held : bool, #[pin]
        __awaitee : ::desugar::__private::Later < F0 >, #[pin] __live___temporary1 :
        ::desugar::__private::Later < ::desugar::__private::Live < T1 > >, }, #[doc =
        "Suspended at `log_result(length).await`."] Suspend1 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F1 >, length : T2 }, #[doc =
        "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, F0, F1> ::desugar::__private::State<()>
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
            "11:page_length287:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch_length(&format!(\"{base}/page\")).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: log_result(length).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n5;9:Unresumed-1;A4:base8:Suspend0+43:fetch_length(&format!(\"{base}/page\")).await2;W9:__awaiteeTi22:format!(\"{base}/page\")8:Suspend1+24:log_result(length).await2;W9:__awaiteeC6:length8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<::desugar::__private::Field<T0>>,
                ::desugar::__private::Row<
                    (::desugar::__private::Field<F0>, ::desugar::__private::Field<T1>),
                >,
            ),
            (
                ::desugar::__private::Row<
                    (::desugar::__private::Field<F1>, ::desugar::__private::Field<T2>),
                >,
                (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
            ),
        );
        fn drop_suspended(
            mut self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut ()>,
        ) {
            match self.as_mut().project() {
                __StateProj::Suspend0 {
                    __temporary1,
                    __held,
                    __awaitee,
                    __live___temporary1: __dropped___temporary1,
                } => {
                    if ::core::mem::take(__held) {
                        let (__dropped___temporary1,) = (
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe {
                                ::desugar::__private::Later::take(__dropped___temporary1)
                            },
                        );
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let __dropped___temporary1 = unsafe {
                            ::desugar::__private::Home::restore(
                                __temporary1,
                                __dropped___temporary1,
                            )
                        };
                        // SAFETY: `__held` was set, so the future was written at the suspension; it is cleared now, so the future is dropped once.
                        unsafe { ::desugar::__private::Later::drop_in_place(__awaitee) };
                    }
                }
                _ => {}
            }
            self.set(__State::Returned);
        }
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed { base: base },
        (),
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<usize> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed { base: __saved_base, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let base = __saved_base;
                        let __temporary1 = format!("{base}/page");
                        if !::core::matches!(* __state, __State::Suspend0 { .. }) {
                            __state
                                .set(__State::Suspend0 {
                                    __temporary1: ::desugar::__private::Slot::new(),
                                    __held: false,
                                    __awaitee: ::desugar::__private::Later::new(),
                                    __live___temporary1: ::desugar::__private::Later::new(),
                                });
                        }
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home___temporary1 = unsafe {
                            ::desugar::__private::Home::new(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend0 { __temporary1, .. } => __temporary1,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                __temporary1,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let __temporary1 = unsafe { __home___temporary1.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            fetch_length(&(*unsafe { __home___temporary1.place() })),
                        );
                        match __state.as_mut().project() {
                            __StateProj::Suspend0 {
                                __held,
                                __awaitee: __into,
                                __live___temporary1: __later0,
                                ..
                            } => {
                                __into.write(__awaitee);
                                __later0.write(__home___temporary1.store_live());
                                *__held = true;
                            }
                            _ => ::desugar::__private::unreachable_state(),
                        }
                        continue '__dispatch;
                    }
                    __StateProj::Suspend0 { __held: true, __awaitee, .. } => {
                        let __result = match ::desugar::__private::Future::poll(
                            // SAFETY: `__held` is set, so the future was written here and not dropped since.
                            unsafe { ::desugar::__private::Later::pinned(__awaitee) },
                            __cx,
                        ) {
                            ::desugar::__private::Poll::Ready(__value) => __value,
                            ::desugar::__private::Poll::Pending => {
                                return ::desugar::__private::Poll::Pending;
                            }
                        };
                        let (__saved___temporary1,) = match __state.as_mut().project() {
                            __StateProj::Suspend0 {
                                __held,
                                __awaitee,
                                __live___temporary1: __saved___temporary1,
                                ..
                            } => {
                                *__held = false;
                                let __values = (
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe {
                                        ::desugar::__private::Later::take(__saved___temporary1)
                                    },
                                );
                                // SAFETY: `__held` was set, so the future was written at the suspension; it is cleared now, so the future is dropped once.
                                unsafe {
                                    ::desugar::__private::Later::drop_in_place(__awaitee)
                                };
                                __values
                            }
                            _ => ::desugar::__private::unreachable_state(),
                        };
                        // SAFETY: the flag was stored from this local's own slot, in the pinned homes area or in the variant the machine is still in.
                        let mut __home___temporary1 = unsafe {
                            ::desugar::__private::Home::restore(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend0 { __temporary1, .. } => __temporary1,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                __saved___temporary1,
                            )
                        };
                        // SAFETY: rustc accepted the twin, where this is a move or copy of an initialized local, so the home holds a value.
                        let __temporary1 = unsafe { __home___temporary1.place() };
                        let length = { __result };
                        // SAFETY: rustc accepted the twin, where this is a move or copy of an initialized local, so the home holds a value.
                        ::core::mem::drop((unsafe { __home___temporary1.take() }));
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            log_result(length),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                length: length,
                            });
                        continue '__dispatch;
                    }
                    __StateProj::Suspend0 { .. } => {
                        ::desugar::__private::unreachable_state()
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
                        let __StateReplace::Suspend1 { length: __saved_length, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let length = __saved_length;
                        { __result };
                        return ::desugar::__private::Poll::Ready(length);
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
async fn page_length_rustc(base: &str) -> usize {
    let length = fetch_length(&format!("{base}/page")).await;
    log_result(length).await;
    length
}

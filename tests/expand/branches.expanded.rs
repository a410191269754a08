#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn branches(
    key: u32,
) -> impl ::core::future::Future<
    Output = Option<String>,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<()> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `branches`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: lookup(key).await\n    Unresumed --> Suspend1: fetch_extra(&name).await\n    Unresumed --> Returned: return\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch_extra(&name).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, F0, F1 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { key : T0 }, #[doc = "Suspended at `lookup(key).await`."] Suspend0 {
        #[pin] __awaitee : ::desugar::__private::Awaited < F0 >, }, #[doc =
        "Suspended at `fetch_extra(&name).await`."] Suspend1 { #[pin] name :
        ::desugar::__private::Slot < T1 >, __held : bool, #[pin] __awaitee :
        ::desugar::__private::Later < F1 >, #[pin] __live_name :
        ::desugar::__private::Later < ::desugar::__private::Live < T1 > >, }, #[doc =
        "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, F0, F1> ::desugar::__private::State<()> for __State<T0, T1, F0, F1> {
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
            "8:branches349:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: lookup(key).await\n    Unresumed --> Suspend1: fetch_extra(&name).await\n    Unresumed --> Returned: return\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch_extra(&name).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n5;9:Unresumed-1;A3:key8:Suspend0+17:lookup(key).await1;W9:__awaitee8:Suspend1+24:fetch_extra(&name).await2;W9:__awaiteei4:name8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<::desugar::__private::Field<T0>>,
                ::desugar::__private::Row<::desugar::__private::Field<F0>>,
            ),
            (
                ::desugar::__private::Row<
                    (::desugar::__private::Field<F1>, ::desugar::__private::Field<T1>),
                >,
                (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
            ),
        );
        fn drop_suspended(
            mut self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut ()>,
        ) {
            match self.as_mut().project() {
                __StateProj::Suspend1 {
                    name,
                    __held,
                    __awaitee,
                    __live_name: __dropped_name,
                } => {
                    if ::core::mem::take(__held) {
                        let (__dropped_name,) = (
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe { ::desugar::__private::Later::take(__dropped_name) },
                        );
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let __dropped_name = unsafe {
                            ::desugar::__private::Home::restore(name, __dropped_name)
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
        __State::Unresumed { key: key },
        (),
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<Option<String>> {
            let __type1 = ::core::marker::PhantomData;
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed { key: __saved_key, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let key = __saved_key;
                        let __value1;
                        if false {
                            loop {}
                            __value1 = ::desugar::__private::value_of(__type1);
                        }
                        match key {
                            0 => {
                                __value1 = return ::desugar::__private::Poll::Ready(None);
                                ::desugar::__private::same_type(&__value1, __type1);
                            }
                            1 => {
                                let __awaitee = ::desugar::__private::IntoFuture::into_future(
                                    lookup(key),
                                );
                                __state
                                    .set(__State::Suspend0 {
                                        __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                    });
                                continue '__dispatch;
                                let _ = {
                                    let __result = ::desugar::__private::output_of(&__awaitee);
                                    __value1 = { __result };
                                    ::desugar::__private::same_type(&__value1, __type1);
                                };
                            }
                            _ => {
                                __value1 = String::from("default");
                                ::desugar::__private::same_type(&__value1, __type1);
                            }
                        }
                        let name = __value1;
                        if !::core::matches!(* __state, __State::Suspend1 { .. }) {
                            __state
                                .set(__State::Suspend1 {
                                    name: ::desugar::__private::Slot::new(),
                                    __held: false,
                                    __awaitee: ::desugar::__private::Later::new(),
                                    __live_name: ::desugar::__private::Later::new(),
                                });
                        }
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_name = unsafe {
                            ::desugar::__private::Home::new(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend1 { name, .. } => name,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                name,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let name = unsafe { __home_name.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            fetch_extra(&(*unsafe { __home_name.place() })),
                        );
                        match __state.as_mut().project() {
                            __StateProj::Suspend1 {
                                __held,
                                __awaitee: __into,
                                __live_name: __later0,
                                ..
                            } => {
                                __into.write(__awaitee);
                                __later0.write(__home_name.store_live());
                                *__held = true;
                            }
                            _ => ::desugar::__private::unreachable_state(),
                        }
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
                        let __StateReplace::Suspend0 { .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let __value1;
                        if false {
                            loop {}
                            __value1 = ::desugar::__private::value_of(__type1);
                        }
                        {
                            __value1 = { __result };
                            ::desugar::__private::same_type(&__value1, __type1);
                        }
                        let name = __value1;
                        if !::core::matches!(* __state, __State::Suspend1 { .. }) {
                            __state
                                .set(__State::Suspend1 {
                                    name: ::desugar::__private::Slot::new(),
                                    __held: false,
                                    __awaitee: ::desugar::__private::Later::new(),
                                    __live_name: ::desugar::__private::Later::new(),
                                });
                        }
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_name = unsafe {
                            ::desugar::__private::Home::new(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend1 { name, .. } => name,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                name,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let name = unsafe { __home_name.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            fetch_extra(&(*unsafe { __home_name.place() })),
                        );
                        match __state.as_mut().project() {
                            __StateProj::Suspend1 {
                                __held,
                                __awaitee: __into,
                                __live_name: __later0,
                                ..
                            } => {
                                __into.write(__awaitee);
                                __later0.write(__home_name.store_live());
                                *__held = true;
                            }
                            _ => ::desugar::__private::unreachable_state(),
                        }
                        continue '__dispatch;
                    }
                    __StateProj::Suspend1 { __held: true, __awaitee, .. } => {
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
                        let (__saved_name,) = match __state.as_mut().project() {
                            __StateProj::Suspend1 {
                                __held,
                                __awaitee,
                                __live_name: __saved_name,
                                ..
                            } => {
                                *__held = false;
                                let __values = (
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe { ::desugar::__private::Later::take(__saved_name) },
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
                        let mut __home_name = unsafe {
                            ::desugar::__private::Home::restore(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend1 { name, .. } => name,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                __saved_name,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let name = unsafe { __home_name.place() };
                        if let Some(extra) = { __result } {
                            return ::desugar::__private::Poll::Ready(Some(extra));
                        }
                        return ::desugar::__private::Poll::Ready(
                            // SAFETY: rustc accepted the twin, where this is a move or copy of an initialized local, so the home holds a value.
                            Some((unsafe { __home_name.take() })),
                        );
                    }
                    __StateProj::Suspend1 { .. } => {
                        ::desugar::__private::unreachable_state()
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
async fn branches_rustc(key: u32) -> Option<String> {
    let name = match key {
        0 => return None,
        1 => lookup(key).await,
        _ => String::from("default"),
    };
    if let Some(extra) = fetch_extra(&name).await {
        return Some(extra);
    }
    Some(name)
}

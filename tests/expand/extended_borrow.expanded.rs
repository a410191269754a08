#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn label_length(
    id: u32,
) -> impl ::core::future::Future<
    Output = usize,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<()> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `label_length`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: log_result(label.len()).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, F0 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { id : T0 }, #[doc = "Suspended at `log_result(label.len()).await`."]
        Suspend0 { #[pin] __extended1 : ::desugar::__private::Slot < T1 >, __held : bool,
        #[pin] __awaitee : ::desugar::__private::Later < F0 >, #[pin] label :
        ::desugar::__private::Later < T2 >, #[pin] __live___extended1 :
        ::desugar::__private::Later < ::desugar::__private::Live < T1 > >, }, #[doc =
        "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, F0> ::desugar::__private::State<()> for __State<T0, T1, T2, F0> {
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
                __State::Returned => "Returned",
                __State::Panicked => "Panicked",
            }
        }
        const INFO: ::desugar::__private::MachineInfo = ::desugar::__private::MachineInfo::__new(
            "12:label_length186:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: log_result(label.len()).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Returned: return\n    Returned --> [*]\n4;9:Unresumed-1;A2:id8:Suspend0+29:log_result(label.len()).await3;W9:__awaiteeC5:labelTi20:format!(\"item {id}\")8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<::desugar::__private::Field<T0>>,
                ::desugar::__private::Row<
                    (
                        ::desugar::__private::Field<F0>,
                        (
                            ::desugar::__private::Field<T2>,
                            ::desugar::__private::Field<T1>,
                        ),
                    ),
                >,
            ),
            (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
        );
        fn drop_suspended(
            mut self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut ()>,
        ) {
            match self.as_mut().project() {
                __StateProj::Suspend0 {
                    __extended1,
                    __held,
                    __awaitee,
                    label: __dropped_label,
                    __live___extended1: __dropped___extended1,
                } => {
                    if ::core::mem::take(__held) {
                        let (__dropped_label, __dropped___extended1) = (
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe {
                                ::desugar::__private::Later::take(__dropped_label)
                            },
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe {
                                ::desugar::__private::Later::take(__dropped___extended1)
                            },
                        );
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let __dropped___extended1 = unsafe {
                            ::desugar::__private::Home::restore(
                                __extended1,
                                __dropped___extended1,
                            )
                        };
                        let __dropped_label = __dropped_label;
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
        __State::Unresumed { id: id },
        (),
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<usize> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed { id: __saved_id, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let id = __saved_id;
                        let __extended1 = format!("item {id}");
                        if !::core::matches!(* __state, __State::Suspend0 { .. }) {
                            __state
                                .set(__State::Suspend0 {
                                    __extended1: ::desugar::__private::Slot::new(),
                                    __held: false,
                                    __awaitee: ::desugar::__private::Later::new(),
                                    label: ::desugar::__private::Later::new(),
                                    __live___extended1: ::desugar::__private::Later::new(),
                                });
                        }
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home___extended1 = unsafe {
                            ::desugar::__private::Home::new(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend0 { __extended1, .. } => __extended1,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                __extended1,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let __extended1 = unsafe { __home___extended1.place() };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let label = &(*unsafe { __home___extended1.place() });
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            log_result(label.len()),
                        );
                        match __state.as_mut().project() {
                            __StateProj::Suspend0 {
                                __held,
                                __awaitee: __into,
                                label: __later0,
                                __live___extended1: __later1,
                                ..
                            } => {
                                __into.write(__awaitee);
                                __later0.write(label);
                                __later1.write(__home___extended1.store_live());
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
                        let (__saved_label, __saved___extended1) = match __state
                            .as_mut()
                            .project()
                        {
                            __StateProj::Suspend0 {
                                __held,
                                __awaitee,
                                label: __saved_label,
                                __live___extended1: __saved___extended1,
                                ..
                            } => {
                                *__held = false;
                                let __values = (
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe { ::desugar::__private::Later::take(__saved_label) },
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe {
                                        ::desugar::__private::Later::take(__saved___extended1)
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
                        let mut __home___extended1 = unsafe {
                            ::desugar::__private::Home::restore(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend0 { __extended1, .. } => __extended1,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                __saved___extended1,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let __extended1 = unsafe { __home___extended1.place() };
                        let label = __saved_label;
                        { __result };
                        return ::desugar::__private::Poll::Ready(label.len());
                    }
                    __StateProj::Suspend0 { .. } => {
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
async fn label_length_rustc(id: u32) -> usize {
    let label = &format!("item {id}");
    log_result(label.len()).await;
    label.len()
}

#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn closure_making_futures(
    base: u32,
    origin: (u32, u32),
) -> impl ::core::future::Future<
    Output = u32,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<()> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `closure_making_futures`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: Leaf::new(\"x\").pending(1).ready(()).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: mk(1).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Suspend2: mk(2).await\n    Suspend2 --> Suspend2: Pending\n    Suspend2 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, T3, F0, F1, F2 > { #[doc =
        "Created and not polled yet: holds the arguments."] Unresumed { base : T0, origin
        : T1 }, #[doc = "Suspended at `Leaf::new(\"x\").pending(1).ready(()).await`."]
        Suspend0 { #[pin] __awaitee : ::desugar::__private::Awaited < F0 >, mk :
        ::desugar::__private::Live < T2 >, origin : ::desugar::__private::Live < T1 >,
        base : ::desugar::__private::Live < T0 > }, #[doc =
        "Suspended at `mk(1).await`."] Suspend1 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F1 >, mk : ::desugar::__private::Live < T2 >,
        origin : ::desugar::__private::Live < T1 >, base : ::desugar::__private::Live <
        T0 > }, #[doc = "Suspended at `mk(2).await`."] Suspend2 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F2 >, __earlier2 : T3, mk :
        ::desugar::__private::Live < T2 >, origin : ::desugar::__private::Live < T1 >,
        base : ::desugar::__private::Live < T0 > }, #[doc =
        "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, T3, F0, F1, F2> ::desugar::__private::State<__Homes<T0, T1, T2>>
    for __State<T0, T1, T2, T3, F0, F1, F2> {
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
                __State::Suspend2 { .. } => "Suspend2",
                __State::Returned => "Returned",
                __State::Panicked => "Panicked",
            }
        }
        const INFO: ::desugar::__private::MachineInfo = ::desugar::__private::MachineInfo::__new(
            "22:closure_making_futures346:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: Leaf::new(\"x\").pending(1).ready(()).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: mk(1).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Suspend2: mk(2).await\n    Suspend2 --> Suspend2: Pending\n    Suspend2 --> Returned: return\n    Returned --> [*]\n6;9:Unresumed-2;A4:baseA6:origin8:Suspend0+41:Leaf::new(\"x\").pending(1).ready(()).await4;W9:__awaiteeh2:mkh6:originh4:base8:Suspend1+11:mk(1).await4;W9:__awaiteeh2:mkh6:originh4:base8:Suspend2+11:mk(2).await5;W9:__awaiteeTC11:mk(1).awaith2:mkh6:originh4:base8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<
                    (::desugar::__private::Field<T0>, ::desugar::__private::Field<T1>),
                >,
                (
                    ::desugar::__private::Row<
                        (
                            (
                                ::desugar::__private::Field<F0>,
                                ::desugar::__private::Field<T2>,
                            ),
                            (
                                ::desugar::__private::Field<T1>,
                                ::desugar::__private::Field<T0>,
                            ),
                        ),
                    >,
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
                ),
            ),
            (
                ::desugar::__private::Row<
                    (
                        (
                            ::desugar::__private::Field<F2>,
                            ::desugar::__private::Field<T3>,
                        ),
                        (
                            ::desugar::__private::Field<T2>,
                            (
                                ::desugar::__private::Field<T1>,
                                ::desugar::__private::Field<T0>,
                            ),
                        ),
                    ),
                >,
                (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
            ),
        );
        fn drop_suspended(
            self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut __Homes<T0, T1, T2>>,
        ) {
            match self.project_replace(__State::Returned) {
                __StateReplace::Suspend0 {
                    mk: __dropped_mk,
                    origin: __dropped_origin,
                    base: __dropped_base,
                    ..
                } => {
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_base = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().base,
                            __dropped_base,
                        )
                    };
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_origin = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().origin,
                            __dropped_origin,
                        )
                    };
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_mk = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().mk,
                            __dropped_mk,
                        )
                    };
                }
                __StateReplace::Suspend1 {
                    mk: __dropped_mk,
                    origin: __dropped_origin,
                    base: __dropped_base,
                    ..
                } => {
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_base = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().base,
                            __dropped_base,
                        )
                    };
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_origin = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().origin,
                            __dropped_origin,
                        )
                    };
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_mk = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().mk,
                            __dropped_mk,
                        )
                    };
                }
                __StateReplace::Suspend2 {
                    __earlier2: __dropped___earlier2,
                    mk: __dropped_mk,
                    origin: __dropped_origin,
                    base: __dropped_base,
                    ..
                } => {
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_base = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().base,
                            __dropped_base,
                        )
                    };
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_origin = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().origin,
                            __dropped_origin,
                        )
                    };
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_mk = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().mk,
                            __dropped_mk,
                        )
                    };
                    let __dropped___earlier2 = __dropped___earlier2;
                }
                _ => {}
            }
        }
    }
    ::desugar::__private::pin_project! {
        #[doc = "Where the values borrowed across an `.await` live: they must not move."]
        struct __Homes < H0, H1, H2 > { #[pin] base : ::desugar::__private::Slot < H0 >,
        #[pin] origin : ::desugar::__private::Slot < H1 >, #[pin] mk :
        ::desugar::__private::Slot < H2 >, #[pin] __pinned :
        ::desugar::__private::PhantomPinned, }
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed {
            base: base,
            origin: origin,
        },
        __Homes {
            base: ::desugar::__private::Slot::new(),
            origin: ::desugar::__private::Slot::new(),
            mk: ::desugar::__private::Slot::new(),
            __pinned: ::desugar::__private::PhantomPinned,
        },
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<u32> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed {
                            base: __saved_base,
                            origin: __saved_origin,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let base = __saved_base;
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_base = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().base,
                                base,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let base = unsafe { __home_base.place() };
                        let origin = __saved_origin;
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_origin = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().origin,
                                origin,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let origin = unsafe { __home_origin.place() };
                        let mk = |id: u32| {
                            #[allow(unused_mut)]
                            let mut base = (*base);
                            #[allow(unused_mut)]
                            let mut origin = (*origin);
                            async move { id + base + origin.1 }
                        };
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_mk = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().mk,
                                mk,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let mk = unsafe { __home_mk.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            ::desugar::__private::checked(
                                    ::desugar::__private::checked(
                                            Leaf::new("x"),
                                            {
                                                let __witness = ::core::marker::PhantomData;
                                                if false {
                                                    let mut __found = ::core::option::Option::None;
                                                    ::desugar::__private::receiver_moved(&__found);
                                                    loop {}
                                                    #[allow(unreachable_code)]
                                                    {
                                                        let mut __value = ::desugar::__private::value_of(
                                                            ::desugar::__private::type_of(&(Leaf::new("x"))),
                                                        );
                                                        let __of = ::desugar::__private::type_of(&__value);
                                                        let __call = || {
                                                            let _ = __value.pending(1);
                                                        };
                                                        __found = ::core::option::Option::Some((__of, __call));
                                                    };
                                                }
                                                ::desugar::__private::Check(__witness)
                                            },
                                        )
                                        .pending(1),
                                    {
                                        let __witness = ::core::marker::PhantomData;
                                        if false {
                                            let mut __found = ::core::option::Option::None;
                                            ::desugar::__private::receiver_moved(&__found);
                                            loop {}
                                            #[allow(unreachable_code)]
                                            {
                                                let mut __value = ::desugar::__private::value_of(
                                                    ::desugar::__private::type_of(&(Leaf::new("x").pending(1))),
                                                );
                                                let __of = ::desugar::__private::type_of(&__value);
                                                let __call = || {
                                                    let _ = __value.ready(());
                                                };
                                                __found = ::core::option::Option::Some((__of, __call));
                                            };
                                        }
                                        ::desugar::__private::Check(__witness)
                                    },
                                )
                                .ready(()),
                        );
                        __state
                            .set(__State::Suspend0 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                mk: __home_mk.store_live(),
                                origin: __home_origin.store_live(),
                                base: __home_base.store_live(),
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
                            mk: __saved_mk,
                            origin: __saved_origin,
                            base: __saved_base,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_base = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().base,
                                __saved_base,
                            )
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let base = unsafe { __home_base.place() };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_origin = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().origin,
                                __saved_origin,
                            )
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let origin = unsafe { __home_origin.place() };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_mk = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().mk,
                                __saved_mk,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let mk = unsafe { __home_mk.place() };
                        { __result };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            (*unsafe { __home_mk.place() })(1),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                mk: __home_mk.store_live(),
                                origin: __home_origin.store_live(),
                                base: __home_base.store_live(),
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
                            mk: __saved_mk,
                            origin: __saved_origin,
                            base: __saved_base,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_base = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().base,
                                __saved_base,
                            )
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let base = unsafe { __home_base.place() };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_origin = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().origin,
                                __saved_origin,
                            )
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let origin = unsafe { __home_origin.place() };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_mk = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().mk,
                                __saved_mk,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let mk = unsafe { __home_mk.place() };
                        let __awaited1 = { __result };
                        let __earlier2 = { __awaited1 };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            (*unsafe { __home_mk.place() })(2),
                        );
                        __state
                            .set(__State::Suspend2 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                __earlier2: __earlier2,
                                mk: __home_mk.store_live(),
                                origin: __home_origin.store_live(),
                                base: __home_base.store_live(),
                            });
                        continue '__dispatch;
                    }
                    __StateProj::Suspend2 { __awaitee, .. } => {
                        let __result = match ::desugar::__private::Future::poll(
                            ::desugar::__private::Awaited::pinned(__awaitee),
                            __cx,
                        ) {
                            ::desugar::__private::Poll::Ready(__value) => __value,
                            ::desugar::__private::Poll::Pending => {
                                return ::desugar::__private::Poll::Pending;
                            }
                        };
                        let __StateReplace::Suspend2 {
                            __earlier2: __saved___earlier2,
                            mk: __saved_mk,
                            origin: __saved_origin,
                            base: __saved_base,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_base = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().base,
                                __saved_base,
                            )
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let base = unsafe { __home_base.place() };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_origin = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().origin,
                                __saved_origin,
                            )
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let origin = unsafe { __home_origin.place() };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_mk = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().mk,
                                __saved_mk,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let mk = unsafe { __home_mk.place() };
                        let __earlier2 = __saved___earlier2;
                        return ::desugar::__private::Poll::Ready(
                            { __earlier2 } + { __result },
                        );
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
async fn closure_making_futures_rustc(base: u32, origin: (u32, u32)) -> u32 {
    let mk = |id: u32| async move { id + base + origin.1 };
    Leaf::new("x").pending(1).ready(()).await;
    mk(1).await + mk(2).await
}

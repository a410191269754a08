#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn sum_loop(
    items: Vec<u32>,
) -> impl ::core::future::Future<
    Output = u32,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<()> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `sum_loop`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: double(*item).await\n    Unresumed --> Returned: return\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend0: double(*item).await\n    Suspend0 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, T3, F0 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { items : T0 }, #[doc = "Suspended at `double(*item).await`."] Suspend0
        { #[pin] items : ::desugar::__private::Slot < T0 >, __held : bool, #[pin]
        __awaitee : ::desugar::__private::Later < F0 >, #[pin] item :
        ::desugar::__private::Later < T3 >, #[pin] __iter1 : ::desugar::__private::Later
        < T2 >, #[pin] total : ::desugar::__private::Later < T1 >, #[pin] __live_items :
        ::desugar::__private::Later < ::desugar::__private::Live < T0 > >, }, #[doc =
        "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, T3, F0> ::desugar::__private::State<()>
    for __State<T0, T1, T2, T3, F0> {
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
            "8:sum_loop258:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: double(*item).await\n    Unresumed --> Returned: return\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend0: double(*item).await\n    Suspend0 --> Returned: return\n    Returned --> [*]\n4;9:Unresumed-1;A5:items8:Suspend0+19:double(*item).await5;W9:__awaiteeC4:itemC4:iterC5:totali5:items8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<::desugar::__private::Field<T0>>,
                ::desugar::__private::Row<
                    (
                        (
                            ::desugar::__private::Field<F0>,
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
            ),
            (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
        );
        fn drop_suspended(
            mut self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut ()>,
        ) {
            match self.as_mut().project() {
                __StateProj::Suspend0 {
                    items,
                    __held,
                    __awaitee,
                    item: __dropped_item,
                    __iter1: __dropped___iter1,
                    total: __dropped_total,
                    __live_items: __dropped_items,
                } => {
                    if ::core::mem::take(__held) {
                        let (
                            __dropped_item,
                            __dropped___iter1,
                            __dropped_total,
                            __dropped_items,
                        ) = (
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe { ::desugar::__private::Later::take(__dropped_item) },
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe {
                                ::desugar::__private::Later::take(__dropped___iter1)
                            },
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe {
                                ::desugar::__private::Later::take(__dropped_total)
                            },
                            // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                            unsafe { ::desugar::__private::Later::take(__dropped_items) },
                        );
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let __dropped_items = unsafe {
                            ::desugar::__private::Home::restore(items, __dropped_items)
                        };
                        let __dropped_total = __dropped_total;
                        let __dropped___iter1 = __dropped___iter1;
                        let __dropped_item = __dropped_item;
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
        __State::Unresumed { items: items },
        (),
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<u32> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed { items: __saved_items, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let items = __saved_items;
                        if !::core::matches!(* __state, __State::Suspend0 { .. }) {
                            __state
                                .set(__State::Suspend0 {
                                    items: ::desugar::__private::Slot::new(),
                                    __held: false,
                                    __awaitee: ::desugar::__private::Later::new(),
                                    item: ::desugar::__private::Later::new(),
                                    __iter1: ::desugar::__private::Later::new(),
                                    total: ::desugar::__private::Later::new(),
                                    __live_items: ::desugar::__private::Later::new(),
                                });
                        }
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_items = unsafe {
                            ::desugar::__private::Home::new(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend0 { items, .. } => items,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                items,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let items = unsafe { __home_items.place() };
                        let mut total = 0;
                        {
                            let mut __iter1 = ::core::iter::IntoIterator::into_iter(
                                // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                                &(*unsafe { __home_items.place() }),
                            );
                            loop {
                                match ::core::iter::Iterator::next(&mut __iter1) {
                                    ::core::option::Option::Some(item) => {
                                        if *item == 0 {
                                            continue;
                                        }
                                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                                            double(*item),
                                        );
                                        match __state.as_mut().project() {
                                            __StateProj::Suspend0 {
                                                __held,
                                                __awaitee: __into,
                                                item: __later0,
                                                __iter1: __later1,
                                                total: __later2,
                                                __live_items: __later3,
                                                ..
                                            } => {
                                                __into.write(__awaitee);
                                                __later0
                                                    .write({
                                                        use ::desugar::__private::{
                                                            ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                                        };
                                                        (&&::desugar::__private::DropOnly::new(item)).kept()
                                                    });
                                                __later1.write(__iter1);
                                                __later2.write(total);
                                                __later3.write(__home_items.store_live());
                                                *__held = true;
                                            }
                                            _ => ::desugar::__private::unreachable_state(),
                                        }
                                        continue '__dispatch;
                                        let _ = {
                                            let __result = ::desugar::__private::output_of(&__awaitee);
                                            total += { __result };
                                        };
                                    }
                                    ::core::option::Option::None => {
                                        break;
                                    }
                                }
                            }
                        }
                        return ::desugar::__private::Poll::Ready(total);
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
                        let (
                            __saved_item,
                            __saved___iter1,
                            __saved_total,
                            __saved_items,
                        ) = match __state.as_mut().project() {
                            __StateProj::Suspend0 {
                                __held,
                                __awaitee,
                                item: __saved_item,
                                __iter1: __saved___iter1,
                                total: __saved_total,
                                __live_items: __saved_items,
                                ..
                            } => {
                                *__held = false;
                                let __values = (
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe { ::desugar::__private::Later::take(__saved_item) },
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe {
                                        ::desugar::__private::Later::take(__saved___iter1)
                                    },
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe { ::desugar::__private::Later::take(__saved_total) },
                                    // SAFETY: `__held` was set, so this value was written at the suspension; it is cleared now, so the value is taken once.
                                    unsafe { ::desugar::__private::Later::take(__saved_items) },
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
                        let mut __home_items = unsafe {
                            ::desugar::__private::Home::restore(
                                match __state.as_mut().project() {
                                    __StateProj::Suspend0 { items, .. } => items,
                                    _ => ::desugar::__private::unreachable_state(),
                                },
                                __saved_items,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let items = unsafe { __home_items.place() };
                        let mut total = __saved_total;
                        {
                            let mut __iter1 = __saved___iter1;
                            let mut __saved_item = ::core::option::Option::Some(
                                __saved_item,
                            );
                            let mut __result = ::core::option::Option::Some(__result);
                            let mut __resume = true;
                            loop {
                                if ::core::mem::take(&mut __resume) {
                                    {
                                        let item = ::core::option::Option::take(&mut __saved_item)
                                            .unwrap();
                                        let __result = ::core::option::Option::take(&mut __result)
                                            .unwrap();
                                        total += { __result };
                                    }
                                } else {
                                    match ::core::iter::Iterator::next(&mut __iter1) {
                                        ::core::option::Option::Some(item) => {
                                            if *item == 0 {
                                                continue;
                                            }
                                            let __awaitee = ::desugar::__private::IntoFuture::into_future(
                                                double(*item),
                                            );
                                            match __state.as_mut().project() {
                                                __StateProj::Suspend0 {
                                                    __held,
                                                    __awaitee: __into,
                                                    item: __later0,
                                                    __iter1: __later1,
                                                    total: __later2,
                                                    __live_items: __later3,
                                                    ..
                                                } => {
                                                    __into.write(__awaitee);
                                                    __later0
                                                        .write({
                                                            use ::desugar::__private::{
                                                                ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                                            };
                                                            (&&::desugar::__private::DropOnly::new(item)).kept()
                                                        });
                                                    __later1.write(__iter1);
                                                    __later2.write(total);
                                                    __later3.write(__home_items.store_live());
                                                    *__held = true;
                                                }
                                                _ => ::desugar::__private::unreachable_state(),
                                            }
                                            continue '__dispatch;
                                            let _ = {
                                                let __result = ::desugar::__private::output_of(&__awaitee);
                                                total += { __result };
                                            };
                                        }
                                        ::core::option::Option::None => {
                                            break;
                                        }
                                    }
                                }
                            }
                        }
                        return ::desugar::__private::Poll::Ready(total);
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
async fn sum_loop_rustc(items: Vec<u32>) -> u32 {
    let mut total = 0;
    for item in &items {
        if *item == 0 {
            continue;
        }
        total += double(*item).await;
    }
    total
}

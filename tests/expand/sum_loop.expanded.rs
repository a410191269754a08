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
        { #[pin] __awaitee : F0, item : T3, __iter1 : T2, total : T1, items :
        ::desugar::__private::Homed < T0 > }, #[doc = "Finished: polling again panics."]
        Returned, #[doc = "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, T3, F0> ::desugar::__private::State<__Homes<T0>>
    for __State<T0, T1, T2, T3, F0> {
        fn returned() -> Self {
            __State::Returned
        }
        fn panicked() -> Self {
            __State::Panicked
        }
        fn is_returned(&self) -> bool {
            ::core::matches!(self, __State::Returned)
        }
        fn name(&self) -> &'static str {
            match self {
                __State::Unresumed { .. } => "Unresumed",
                __State::Suspend0 { .. } => "Suspend0",
                __State::Returned => "Returned",
                __State::Panicked => "Panicked",
            }
        }
        fn info() -> &'static ::desugar::__private::MachineInfo {
            static INFO: ::desugar::__private::MachineInfo = ::desugar::__private::MachineInfo::__new(
                "8:sum_loop258:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: double(*item).await\n    Unresumed --> Returned: return\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend0: double(*item).await\n    Suspend0 --> Returned: return\n    Returned --> [*]\n4;9:Unresumed-1;A5:items8:Suspend0+19:double(*item).await5;W9:__awaiteeC4:itemC7:__iter1C5:totalH5:items8:Returned-0;8:Panicked-0;",
            );
            &INFO
        }
        fn field_layout(
            state: usize,
            field: usize,
        ) -> ::desugar::__private::FieldLayout {
            match (state, field) {
                (0usize, 0usize) => ::desugar::__private::FieldLayout::of::<T0>(),
                (1usize, 0usize) => ::desugar::__private::FieldLayout::of::<F0>(),
                (1usize, 1usize) => ::desugar::__private::FieldLayout::of::<T3>(),
                (1usize, 2usize) => ::desugar::__private::FieldLayout::of::<T2>(),
                (1usize, 3usize) => ::desugar::__private::FieldLayout::of::<T1>(),
                (1usize, 4usize) => ::desugar::__private::FieldLayout::of::<T0>(),
                _ => ::desugar::__private::FieldLayout::of::<()>(),
            }
        }
        fn drop_suspended(
            self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut __Homes<T0>>,
        ) {
            match self.project_replace(__State::Returned) {
                __StateReplace::Suspend0 {
                    item: __dropped_item,
                    __iter1: __dropped___iter1,
                    total: __dropped_total,
                    items: __dropped_items,
                    ..
                } => {
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_items = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().items,
                            __dropped_items,
                        )
                    };
                    let __dropped_total = __dropped_total;
                    let __dropped___iter1 = __dropped___iter1;
                    let __dropped_item = __dropped_item;
                }
                _ => {}
            }
        }
    }
    ::desugar::__private::pin_project! {
        #[doc = "Where the values borrowed across an `.await` live: they must not move."]
        struct __Homes < H0 > { #[pin] items : ::desugar::__private::Slot < H0 >, #[pin]
        __pinned : ::desugar::__private::PhantomPinned, }
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed { items: items },
        __Homes {
            items: ::desugar::__private::Slot::new(),
            __pinned: ::desugar::__private::PhantomPinned,
        },
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<u32> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let (__saved_items,) = match __state
                            .as_mut()
                            .project_replace(__State::Panicked)
                        {
                            __StateReplace::Unresumed { items: __saved_items, .. } => {
                                (__saved_items,)
                            }
                            _ => ::core::unreachable!(),
                        };
                        let items = __saved_items;
                        // SAFETY: the slot is this local's own, in the pinned homes area or in the variant the machine has just entered (and stays in while the local lives: no other await is in its scope); the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_items = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().items,
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
                                        __state
                                            .set(__State::Suspend0 {
                                                __awaitee,
                                                item: {
                                                    use ::desugar::__private::{ViaCopy as _, ViaValue as _};
                                                    (&&::desugar::__private::DropOnly::new(item)).kept()
                                                },
                                                __iter1: __iter1,
                                                total: total,
                                                items: __home_items.store(),
                                            });
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
                    __StateProj::Suspend0 { __awaitee, .. } => {
                        let __result = match ::desugar::__private::Future::poll(
                            __awaitee,
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
                        ) = match __state.as_mut().project_replace(__State::Panicked) {
                            __StateReplace::Suspend0 {
                                item: __saved_item,
                                __iter1: __saved___iter1,
                                total: __saved_total,
                                items: __saved_items,
                                ..
                            } => {
                                (
                                    __saved_item,
                                    __saved___iter1,
                                    __saved_total,
                                    __saved_items,
                                )
                            }
                            _ => ::core::unreachable!(),
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_items = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().items,
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
                                            __state
                                                .set(__State::Suspend0 {
                                                    __awaitee,
                                                    item: {
                                                        use ::desugar::__private::{ViaCopy as _, ViaValue as _};
                                                        (&&::desugar::__private::DropOnly::new(item)).kept()
                                                    },
                                                    __iter1: __iter1,
                                                    total: total,
                                                    items: __home_items.store(),
                                                });
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

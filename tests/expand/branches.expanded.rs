#[allow(unused, clippy::all, clippy::pedantic, clippy::nursery, clippy::restriction)]
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
        #[pin] __awaitee : F0, }, #[doc = "Suspended at `fetch_extra(&name).await`."]
        Suspend1 { #[pin] __awaitee : F1, name : ::desugar::__private::Homed < T1 > },
        #[doc = "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, F0, F1> ::desugar::__private::State<__Homes<T1>>
    for __State<T0, T1, F0, F1> {
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
                __State::Suspend1 { .. } => "Suspend1",
                __State::Returned => "Returned",
                __State::Panicked => "Panicked",
            }
        }
        fn info() -> &'static ::desugar::__private::MachineInfo {
            static INFO: ::desugar::__private::MachineInfo = ::desugar::__private::MachineInfo {
                name: "branches",
                states: &[
                    ::desugar::__private::StateInfo {
                        name: "Unresumed",
                        awaits: ::core::option::Option::None,
                        fields: &[
                            ::desugar::__private::FieldInfo {
                                name: "key",
                                kind: ::desugar::__private::FieldKind::Argument,
                            },
                        ],
                    },
                    ::desugar::__private::StateInfo {
                        name: "Suspend0",
                        awaits: ::core::option::Option::Some("lookup(key).await"),
                        fields: &[
                            ::desugar::__private::FieldInfo {
                                name: "__awaitee",
                                kind: ::desugar::__private::FieldKind::Awaitee,
                            },
                        ],
                    },
                    ::desugar::__private::StateInfo {
                        name: "Suspend1",
                        awaits: ::core::option::Option::Some("fetch_extra(&name).await"),
                        fields: &[
                            ::desugar::__private::FieldInfo {
                                name: "__awaitee",
                                kind: ::desugar::__private::FieldKind::Awaitee,
                            },
                            ::desugar::__private::FieldInfo {
                                name: "name",
                                kind: ::desugar::__private::FieldKind::Homed,
                            },
                        ],
                    },
                    ::desugar::__private::StateInfo {
                        name: "Returned",
                        awaits: ::core::option::Option::None,
                        fields: &[],
                    },
                    ::desugar::__private::StateInfo {
                        name: "Panicked",
                        awaits: ::core::option::Option::None,
                        fields: &[],
                    },
                ],
                mermaid: "stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: lookup(key).await\n    Unresumed --> Suspend1: fetch_extra(&name).await\n    Unresumed --> Returned: return\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch_extra(&name).await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n",
            };
            &INFO
        }
        fn field_layout(
            state: usize,
            field: usize,
        ) -> ::desugar::__private::FieldLayout {
            match (state, field) {
                (0usize, 0usize) => ::desugar::__private::FieldLayout::of::<T0>(),
                (1usize, 0usize) => ::desugar::__private::FieldLayout::of::<F0>(),
                (2usize, 0usize) => ::desugar::__private::FieldLayout::of::<F1>(),
                (2usize, 1usize) => ::desugar::__private::FieldLayout::of::<T1>(),
                _ => ::desugar::__private::FieldLayout::of::<()>(),
            }
        }
        fn drop_suspended(
            self: ::desugar::__private::Pin<&mut Self>,
            mut __homes: ::desugar::__private::Pin<&mut __Homes<T1>>,
        ) {
            match self.project_replace(__State::Returned) {
                __StateReplace::Suspend1 { name: __dropped_name, .. } => {
                    // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                    let __dropped_name = unsafe {
                        ::desugar::__private::Home::restore(
                            __homes.as_mut().project().name,
                            __dropped_name,
                        )
                    };
                }
                _ => {}
            }
        }
    }
    ::desugar::__private::pin_project! {
        #[doc = "Where the values borrowed across an `.await` live: they must not move."]
        struct __Homes < H0 > { #[pin] name : ::desugar::__private::Slot < H0 >, #[pin]
        __pinned : ::desugar::__private::PhantomPinned, }
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed { key: key },
        __Homes {
            name: ::desugar::__private::Slot::new(),
            __pinned: ::desugar::__private::PhantomPinned,
        },
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<Option<String>> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let (__saved_key,) = match __state
                            .as_mut()
                            .project_replace(__State::Panicked)
                        {
                            __StateReplace::Unresumed { key: __saved_key, .. } => {
                                (__saved_key,)
                            }
                            _ => ::core::unreachable!(),
                        };
                        let key = __saved_key;
                        let __value1;
                        match key {
                            0 => {
                                __value1 = return ::desugar::__private::Poll::Ready(None);
                            }
                            1 => {
                                let __awaitee = ::desugar::__private::IntoFuture::into_future(
                                    lookup(key),
                                );
                                __state.set(__State::Suspend0 { __awaitee });
                                continue '__dispatch;
                            }
                            _ => {
                                __value1 = String::from("default");
                            }
                        }
                        let name = __value1;
                        // SAFETY: the slot is this local's own, in the pinned homes area of the machine running this code; the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_name = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().name,
                                name,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let name = unsafe { __home_name.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            fetch_extra(&(*unsafe { __home_name.place() })),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee,
                                name: __home_name.store(),
                            });
                        continue '__dispatch;
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
                        let () = match __state
                            .as_mut()
                            .project_replace(__State::Panicked)
                        {
                            __StateReplace::Suspend0 { .. } => {}
                            _ => ::core::unreachable!(),
                        };
                        let __value1;
                        {
                            __value1 = { __result };
                        }
                        let name = __value1;
                        // SAFETY: the slot is this local's own, in the pinned homes area of the machine running this code; the guard lives in this frame or in the machine's state, so the machine outlives it.
                        let mut __home_name = unsafe {
                            ::desugar::__private::Home::new(
                                __homes.as_mut().project().name,
                                name,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let name = unsafe { __home_name.place() };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                            fetch_extra(&(*unsafe { __home_name.place() })),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee,
                                name: __home_name.store(),
                            });
                        continue '__dispatch;
                    }
                    __StateProj::Suspend1 { __awaitee, .. } => {
                        let __result = match ::desugar::__private::Future::poll(
                            __awaitee,
                            __cx,
                        ) {
                            ::desugar::__private::Poll::Ready(__value) => __value,
                            ::desugar::__private::Poll::Pending => {
                                return ::desugar::__private::Poll::Pending;
                            }
                        };
                        let (__saved_name,) = match __state
                            .as_mut()
                            .project_replace(__State::Panicked)
                        {
                            __StateReplace::Suspend1 { name: __saved_name, .. } => {
                                (__saved_name,)
                            }
                            _ => ::core::unreachable!(),
                        };
                        // SAFETY: the flag was stored from this very slot, which the pinned machine still holds.
                        let mut __home_name = unsafe {
                            ::desugar::__private::Home::restore(
                                __homes.as_mut().project().name,
                                __saved_name,
                            )
                        };
                        // SAFETY: the reference is used by the user's code within the local's scope only; rustc borrow-checked the same uses in the `_rustc` twin.
                        let name = unsafe { __home_name.place() };
                        if let Some(extra) = { __result } {
                            return ::desugar::__private::Poll::Ready(Some(extra));
                        }
                        return ::desugar::__private::Poll::Ready(
                            // SAFETY: rustc accepted the twin, where this is a move of an initialized local, so the home holds a value.
                            Some((unsafe { __home_name.take() })),
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
#[allow(dead_code)]
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

impl Counter {
    #[doc(hidden)]
    #[allow(dead_code, non_snake_case, clippy::unused_self)]
    fn put_desugar_on_the_impl_block_not_on_bump(&self) {}
    #[allow(
        unused,
        irrefutable_let_patterns,
        clippy::all,
        clippy::pedantic,
        clippy::nursery,
        clippy::restriction
    )]
    fn bump<'__life0>(
        &'__life0 mut self,
        by: u32,
    ) -> impl ::core::future::Future<
        Output = u32,
    > + ::desugar::__private::Inspect + ::desugar::__private::Captures<(&'__life0 (),)> {
        ::desugar::__private::pin_project! {
            #[doc =
            "The states of `bump`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: tick(by).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Returned: return\n    Returned --> [*]\n```"]
            #[project = __StateProj] #[project_replace = __StateReplace] enum __State <
            T0, T1, F0 > { #[doc = "Created and not polled yet: holds the arguments."]
            Unresumed { __self : T0, by : T1 }, #[doc = "Suspended at `tick(by).await`."]
            Suspend0 { #[pin] __awaitee : ::desugar::__private::Awaited < F0 >, __self :
            T0 }, #[doc = "Finished: polling again panics."] Returned, #[doc =
            "The body panicked: polling again panics."] Panicked, }
        }
        impl<T0, T1, F0> ::desugar::__private::State<()> for __State<T0, T1, F0> {
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
                "4:bump171:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: tick(by).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Returned: return\n    Returned --> [*]\n4;9:Unresumed-2;A4:selfA2:by8:Suspend0+14:tick(by).await2;W9:__awaiteeC4:self8:Returned-0;8:Panicked-0;",
            );
            type FieldTypes = (
                (
                    ::desugar::__private::Row<
                        (
                            ::desugar::__private::Field<T0>,
                            ::desugar::__private::Field<T1>,
                        ),
                    >,
                    ::desugar::__private::Row<
                        (
                            ::desugar::__private::Field<F0>,
                            ::desugar::__private::Field<T0>,
                        ),
                    >,
                ),
                (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
            );
        }
        ::desugar::__private::Machine::new(
            __State::Unresumed {
                __self: self,
                by: by,
            },
            (),
            |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<u32> {
                '__dispatch: loop {
                    match __state.as_mut().project() {
                        __StateProj::Unresumed { .. } => {
                            let __StateReplace::Unresumed {
                                __self: __saved___self,
                                by: __saved_by,
                                ..
                            } = __state.as_mut().project_replace(__State::Panicked) else {
                                ::desugar::__private::unreachable_state()
                            };
                            let __self = __saved___self;
                            let by = __saved_by;
                            let __awaitee = ::desugar::__private::IntoFuture::into_future(
                                tick(by),
                            );
                            __state
                                .set(__State::Suspend0 {
                                    __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                    __self: __self,
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
                                __self: __saved___self,
                                ..
                            } = __state.as_mut().project_replace(__State::Panicked) else {
                                ::desugar::__private::unreachable_state()
                            };
                            let __self = __saved___self;
                            __self.count += { __result };
                            return ::desugar::__private::Poll::Ready(__self.count);
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
    async fn bump_rustc(&mut self, by: u32) -> u32 {
        self.count += tick(by).await;
        self.count
    }
}

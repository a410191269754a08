#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
pub fn lookup<'__life0>(
    key: &'__life0 str,
    __arg1: (u32, u32),
) -> impl ::core::future::Future<
    Output = u32,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<(&'__life0 (),)> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `lookup`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch_len(key).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, T3, F0 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { key : T0, __arg1 : T1 }, #[doc =
        "Suspended at `fetch_len(key).await`."] Suspend0 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F0 >, high : T3, low : T2 }, #[doc =
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
            "6:lookup177:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch_len(key).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Returned: return\n    Returned --> [*]\n4;9:Unresumed-2;A3:keyA6:__arg18:Suspend0+20:fetch_len(key).await3;W9:__awaiteeC4:highC3:low8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<
                    (::desugar::__private::Field<T0>, ::desugar::__private::Field<T1>),
                >,
                ::desugar::__private::Row<
                    (
                        ::desugar::__private::Field<F0>,
                        (
                            ::desugar::__private::Field<T3>,
                            ::desugar::__private::Field<T2>,
                        ),
                    ),
                >,
            ),
            (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
        );
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed {
            key: key,
            __arg1: __arg1,
        },
        (),
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<u32> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed {
                            key: __saved_key,
                            __arg1: __saved___arg1,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let key = __saved_key;
                        let __arg1 = __saved___arg1;
                        let (low, high) = __arg1;
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            fetch_len(key),
                        );
                        __state
                            .set(__State::Suspend0 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                high: high,
                                low: low,
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
                            high: __saved_high,
                            low: __saved_low,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let low = __saved_low;
                        let high = __saved_high;
                        let n = { __result };
                        return ::desugar::__private::Poll::Ready(n.clamp(low, high));
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
#[allow(dead_code, non_snake_case, clippy::extra_unused_type_parameters)]
pub fn lookup_rustc<'__life0>(
    key: &'__life0 str,
    __arg1: (u32, u32),
) -> impl ::core::future::Future<
    Output = u32,
> + ::desugar::__private::Captures<(&'__life0 (),)> {
    async fn lookup_rustc<__Twin>(key: &str, (low, high): (u32, u32)) -> u32 {
        let n = fetch_len(key).await;
        n.clamp(low, high)
    }
    lookup_rustc::<()>(key, __arg1)
}

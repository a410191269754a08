#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn fetch_two<'__homed, '__life0, '__life1>(
    a: &'__life0 str,
    b: &'__life1 str,
) -> impl ::core::future::Future<
    Output = Result<(Bytes, Bytes), Error>,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<
    (&'__homed (), &'__life0 (), &'__life1 ()),
>
where
    '__life0: '__homed,
    '__life1: '__homed,
{
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `fetch_two`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch(a).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch(b).await\n    Suspend0 --> Returned: return\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, F0, F1 > { #[doc = "Created and not polled yet: holds the arguments."]
        Unresumed { a : T0, b : T1 }, #[doc = "Suspended at `fetch(a).await`."] Suspend0
        { #[pin] __awaitee : ::desugar::__private::Awaited < F0 >, b : T1 }, #[doc =
        "Suspended at `fetch(b).await`."] Suspend1 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F1 >, r1 : T2 }, #[doc =
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
            "9:fetch_two282:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: fetch(a).await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch(b).await\n    Suspend0 --> Returned: return\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Returned: return\n    Returned --> [*]\n5;9:Unresumed-2;A1:aA1:b8:Suspend0+14:fetch(a).await2;W9:__awaiteeC1:b8:Suspend1+14:fetch(b).await2;W9:__awaiteeC2:r18:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<
                    (::desugar::__private::Field<T0>, ::desugar::__private::Field<T1>),
                >,
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
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed { a: a, b: b },
        (),
        |
            mut __state,
            mut __homes,
            __cx,
        | -> ::desugar::__private::Poll<Result<(Bytes, Bytes), Error>> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed {
                            a: __saved_a,
                            b: __saved_b,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let a = __saved_a;
                        let b = __saved_b;
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            fetch(a),
                        );
                        __state
                            .set(__State::Suspend0 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                b: b,
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
                        let __StateReplace::Suspend0 { b: __saved_b, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let b = __saved_b;
                        let r1 = match ::desugar::__private::Branch::branch({
                            __result
                        }) {
                            ::desugar::__private::ControlFlow::Continue(__value) => {
                                __value
                            }
                            ::desugar::__private::ControlFlow::Break(__residual) => {
                                return ::desugar::__private::Poll::Ready(
                                    ::desugar::__private::FromResidual::from_residual(
                                        __residual,
                                    ),
                                );
                            }
                        };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            fetch(b),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                r1: r1,
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
                        let __StateReplace::Suspend1 { r1: __saved_r1, .. } = __state
                            .as_mut()
                            .project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let r1 = __saved_r1;
                        let r2 = match ::desugar::__private::Branch::branch({
                            __result
                        }) {
                            ::desugar::__private::ControlFlow::Continue(__value) => {
                                __value
                            }
                            ::desugar::__private::ControlFlow::Break(__residual) => {
                                return ::desugar::__private::Poll::Ready(
                                    ::desugar::__private::FromResidual::from_residual(
                                        __residual,
                                    ),
                                );
                            }
                        };
                        return ::desugar::__private::Poll::Ready(Ok((r1, r2)));
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
async fn fetch_two_rustc(a: &str, b: &str) -> Result<(Bytes, Bytes), Error> {
    let r1 = fetch(a).await?;
    let r2 = fetch(b).await?;
    Ok((r1, r2))
}

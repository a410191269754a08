#[allow(
    unused,
    irrefutable_let_patterns,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::restriction
)]
fn maybe_moved(
    send: bool,
    message: String,
    id: u32,
) -> impl ::core::future::Future<
    Output = usize,
> + ::desugar::__private::Inspect + ::desugar::__private::Captures<()> {
    ::desugar::__private::pin_project! {
        #[doc =
        "The states of `maybe_moved`: one variant per `.await`, holding what lives across it.\n\n```mermaid\nstateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: deliver(text, count).await\n    Unresumed --> Suspend1: fetch_length(\"count\").await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch_length(\"count\").await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Suspend2: log_result(count).await\n    Suspend2 --> Suspend2: Pending\n    Suspend2 --> Returned: return\n    Returned --> [*]\n```"]
        #[project = __StateProj] #[project_replace = __StateReplace] enum __State < T0,
        T1, T2, T3, T4, T5, D0, D1, F0, F1, F2 > { #[doc =
        "Created and not polled yet: holds the arguments."] Unresumed { send : T0,
        message : T1, id : T2 }, #[doc = "Suspended at `deliver(text, count).await`."]
        Suspend0 { #[pin] __awaitee : ::desugar::__private::Awaited < F0 >, count : D1,
        text : D0 }, #[doc = "Suspended at `fetch_length(\"count\").await`."] Suspend1 {
        #[pin] __awaitee : ::desugar::__private::Awaited < F1 >, count : T4, text : T3 },
        #[doc = "Suspended at `log_result(count).await`."] Suspend2 { #[pin] __awaitee :
        ::desugar::__private::Awaited < F2 >, count_1 : T5, count : T4, text : T3 },
        #[doc = "Finished: polling again panics."] Returned, #[doc =
        "The body panicked: polling again panics."] Panicked, }
    }
    impl<T0, T1, T2, T3, T4, T5, D0, D1, F0, F1, F2> ::desugar::__private::State<()>
    for __State<T0, T1, T2, T3, T4, T5, D0, D1, F0, F1, F2> {
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
            "11:maybe_moved415:stateDiagram-v2\n    [*] --> Unresumed\n    Unresumed --> Suspend0: deliver(text, count).await\n    Unresumed --> Suspend1: fetch_length(\"count\").await\n    Suspend0 --> Suspend0: Pending\n    Suspend0 --> Suspend1: fetch_length(\"count\").await\n    Suspend1 --> Suspend1: Pending\n    Suspend1 --> Suspend2: log_result(count).await\n    Suspend2 --> Suspend2: Pending\n    Suspend2 --> Returned: return\n    Returned --> [*]\n6;9:Unresumed-3;A4:sendA7:messageA2:id8:Suspend0+26:deliver(text, count).await3;W9:__awaiteeC5:countC4:text8:Suspend1+27:fetch_length(\"count\").await3;W9:__awaiteeC5:countC4:text8:Suspend2+23:log_result(count).await4;W9:__awaiteeC7:count_1C5:countC4:text8:Returned-0;8:Panicked-0;",
        );
        type FieldTypes = (
            (
                ::desugar::__private::Row<
                    (
                        ::desugar::__private::Field<T0>,
                        (
                            ::desugar::__private::Field<T1>,
                            ::desugar::__private::Field<T2>,
                        ),
                    ),
                >,
                (
                    ::desugar::__private::Row<
                        (
                            ::desugar::__private::Field<F0>,
                            (
                                ::desugar::__private::Field<D1>,
                                ::desugar::__private::Field<D0>,
                            ),
                        ),
                    >,
                    ::desugar::__private::Row<
                        (
                            ::desugar::__private::Field<F1>,
                            (
                                ::desugar::__private::Field<T4>,
                                ::desugar::__private::Field<T3>,
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
                            ::desugar::__private::Field<T5>,
                        ),
                        (
                            ::desugar::__private::Field<T4>,
                            ::desugar::__private::Field<T3>,
                        ),
                    ),
                >,
                (::desugar::__private::Row<()>, ::desugar::__private::Row<()>),
            ),
        );
    }
    ::desugar::__private::Machine::new(
        __State::Unresumed {
            send: send,
            message: message,
            id: id,
        },
        (),
        |mut __state, mut __homes, __cx| -> ::desugar::__private::Poll<usize> {
            '__dispatch: loop {
                match __state.as_mut().project() {
                    __StateProj::Unresumed { .. } => {
                        let __StateReplace::Unresumed {
                            send: __saved_send,
                            message: __saved_message,
                            id: __saved_id,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let send = __saved_send;
                        let message = __saved_message;
                        let id = __saved_id;
                        let text = message;
                        let mut __flagged_text = {
                            use ::desugar::__private::{FlagCopy as _, FlagValue as _};
                            (&&::desugar::__private::DropOnly::new(text)).flagged()
                        };
                        let count = u64::from(id);
                        let mut __flagged_count = {
                            use ::desugar::__private::{FlagCopy as _, FlagValue as _};
                            (&&::desugar::__private::DropOnly::new(count)).flagged()
                        };
                        if send {
                            let __awaitee = ::desugar::__private::IntoFuture::into_future(
                                deliver(
                                    {
                                        use ::desugar::__private::{FetchCopy as _, FetchMove as _};
                                        (&mut &mut __flagged_text).fetch()
                                    },
                                    {
                                        use ::desugar::__private::{FetchCopy as _, FetchMove as _};
                                        (&mut &mut __flagged_count).fetch()
                                    },
                                ),
                            );
                            __state
                                .set(__State::Suspend0 {
                                    __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                    count: ::desugar::__private::Vacate::vacate({
                                        use ::desugar::__private::{
                                            ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                        };
                                        (&&::desugar::__private::DropOnly::new(__flagged_count))
                                            .kept()
                                    }),
                                    text: ::desugar::__private::Vacate::vacate({
                                        use ::desugar::__private::{
                                            ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                        };
                                        (&&::desugar::__private::DropOnly::new(__flagged_text))
                                            .kept()
                                    }),
                                });
                            continue '__dispatch;
                            let _ = {
                                let __result = ::desugar::__private::output_of(&__awaitee);
                                { __result };
                            };
                        }
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            fetch_length("count"),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                count: {
                                    use ::desugar::__private::{
                                        ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                    };
                                    (&&::desugar::__private::DropOnly::new(__flagged_count))
                                        .kept()
                                },
                                text: {
                                    use ::desugar::__private::{
                                        ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                    };
                                    (&&::desugar::__private::DropOnly::new(__flagged_text))
                                        .kept()
                                },
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
                            count: __saved_count,
                            text: __saved_text,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let mut __flagged_text = ::desugar::__private::Refill::refill(
                            __saved_text,
                        );
                        let mut __flagged_count = ::desugar::__private::Refill::refill(
                            __saved_count,
                        );
                        {
                            { __result };
                        }
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            fetch_length("count"),
                        );
                        __state
                            .set(__State::Suspend1 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                count: {
                                    use ::desugar::__private::{
                                        ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                    };
                                    (&&::desugar::__private::DropOnly::new(__flagged_count))
                                        .kept()
                                },
                                text: {
                                    use ::desugar::__private::{
                                        ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                    };
                                    (&&::desugar::__private::DropOnly::new(__flagged_text))
                                        .kept()
                                },
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
                            count: __saved_count,
                            text: __saved_text,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let mut __flagged_text = __saved_text;
                        let mut __flagged_count = __saved_count;
                        let count = { __result };
                        let __awaitee = ::desugar::__private::IntoFuture::into_future(
                            log_result(count),
                        );
                        __state
                            .set(__State::Suspend2 {
                                __awaitee: ::desugar::__private::Awaited::new(__awaitee),
                                count_1: count,
                                count: {
                                    use ::desugar::__private::{
                                        ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                    };
                                    (&&::desugar::__private::DropOnly::new(__flagged_count))
                                        .kept()
                                },
                                text: {
                                    use ::desugar::__private::{
                                        ViaBorrowed as _, ViaCopy as _, ViaValue as _,
                                    };
                                    (&&::desugar::__private::DropOnly::new(__flagged_text))
                                        .kept()
                                },
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
                            count_1: __saved_count_1,
                            count: __saved_count,
                            text: __saved_text,
                            ..
                        } = __state.as_mut().project_replace(__State::Panicked) else {
                            ::desugar::__private::unreachable_state()
                        };
                        let mut __flagged_text = __saved_text;
                        let mut __flagged_count = __saved_count;
                        let count = __saved_count_1;
                        { __result };
                        return ::desugar::__private::Poll::Ready(count);
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
async fn maybe_moved_rustc(send: bool, message: String, id: u32) -> usize {
    let text = message;
    let count = u64::from(id);
    if send {
        deliver(text, count).await;
    }
    let count = fetch_length("count").await;
    log_result(count).await;
    count
}

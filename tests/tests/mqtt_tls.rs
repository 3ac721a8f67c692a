//! The layering claim, end to end: the rawnet-mqtt client runs over rawnet-tls exactly as it
//! runs over TCP (`Tls<Client<App>>` on a rawnet-tcp connection), against a real Mosquitto
//! TLS 1.3 listener, through the whole host stack (restricted slirp, no root). Commands are
//! issued from the superloop through `Tls::with_connection`, as an lwIP application calls
//! `mqtt_publish` over `altcp_tls`.

use rawnet_mqtt::client::{Options, Publication};
use rawnet_mqtt::wire::{QoS, ReasonCode, Subscription, SubscriptionOptions, Version};
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::host::now;
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tests::mqtt::App;
use rawnet_tests::secure::with_secure_client;

#[test]
fn rawnet_mqtt_client_over_rawnet_tls_to_mosquitto() {
    let pki = Pki::generate(&[BROKER_NAME]).unwrap();
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        ..Config::default()
    })
    .unwrap();
    let mut options = Options::new("rawnet-mqtt-over-tls");
    options.version = Version::V5;
    options.keep_alive = 30;
    let topic = "rawnet/tls/client";
    let port = broker.tls.unwrap().port();
    let result = with_secure_client(&pki, port, BROKER_NAME, options, |s| {
        // CONNECT goes out from the client's `connected`, which TLS calls after the
        // handshake.
        s.run_until("CONNACK", |a| !a.connects.is_empty())?;
        assert!(s.tls.inner().is_connected());

        let subs = [Subscription {
            filter: topic,
            options: SubscriptionOptions::qos(QoS::ExactlyOnce),
        }];
        s.command(|client, conn| client.subscribe(conn, &subs, now()))
            .unwrap();
        s.run_until("SUBACK", |a| !a.subscribed.is_empty())?;

        for (qos, payload) in [
            (QoS::AtLeastOnce, &b"QoS 1 over TLS"[..]),
            (QoS::ExactlyOnce, &b"QoS 2 over TLS"[..]),
        ] {
            let msg = Publication::new(topic, payload).qos(qos);
            let done = s.command(|client, conn| client.publish(conn, &msg, now()));
            assert_eq!(done.unwrap().written, payload.len());
        }
        s.run_until("both messages back and acknowledged", |a: &App| {
            a.messages.len() == 2 && a.published.len() == 2
        })?;
        let app = s.app();
        assert!(
            app.published
                .iter()
                .all(|(id, r)| id.is_some() && *r == Ok(ReasonCode::Success)),
            "{:?}",
            app.published
        );
        let got: Vec<(&[u8], u8)> = app
            .messages
            .iter()
            .map(|m| (m.payload.as_slice(), m.qos))
            .collect();
        assert_eq!(
            got,
            vec![(&b"QoS 1 over TLS"[..], 1), (&b"QoS 2 over TLS"[..], 2)]
        );

        // A clean DISCONNECT, then close_notify and FIN.
        s.command(|client, conn| client.disconnect(conn, now()));
        let _ = s.run_until("disconnect", |a| !a.disconnects.is_empty());
        assert!(!s.tls.inner().is_connected());
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}\nbroker log:\n{}", broker.log());
    }
}

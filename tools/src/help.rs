//! `--help` of both tools.

use crate::args::Tool;

const COMMON: &str = "\
Connection:
 -h host      broker to connect to (default localhost). With TLS, the name (or IP) the
              broker's certificate must carry.
 -p port      default 1883, or 8883 with TLS.
 -i id        client identifier (default: the tool's name and the process id).
 -I prefix    client identifier: prefix and the process id.
 -k secs      keep-alive, 5 to 65535 (default 60). A broker silent for 1.5 x keep-alive
              ends the tool (exit 19).
 -u user      user name.   -P password   password.
 -V version   mqttv311 (default) or mqttv5 (also 311, 5). MQTT 3.1 is not supported.
 -c           persistent session (needs -i or -I); with mqttv5 it never expires unless -x.
 -x secs      session expiry interval (mqttv5; -1 for none).
 -D command identifier value [value]
              an MQTT 5.0 property: publish (payload-format-indicator,
              message-expiry-interval, content-type, response-topic, correlation-data,
              user-property), subscribe (subscription-identifier, user-property),
              unsubscribe (user-property), will (will-delay-interval and the publish ones),
              connect (maximum-packet-size).
 -W secs      give up after secs seconds (exit 27).
 -d           debug messages on standard error.   --quiet   no error messages.
 --nodelay    disable Nagle's algorithm.
 --will-topic topic  [--will-payload text] [--will-qos 0|1|2] [--will-retain]
              the last will.
TLS (TLS 1.3 with rawnet-tls, verified as on a device: the chain to a CA given here, the
name given with -h, the dates against this host's clock):
 --cafile file    CA certificate(s), PEM.     --capath dir   every PEM file in dir.
 --cert file --key file   client certificate (PEM) and its P-256 key (PKCS#8 or SEC1).
 --alpn proto     offer an ALPN protocol (also --tls-alpn; repeatable).
 --tls-version tlsv1.3    the only version rawnet speaks.
 --insecure       verify NOTHING about the broker's certificate (chain, name, dates).
                  Lab only. (mosquitto's --insecure skips only the name.)
Network path:
 --stack host     the host's TCP (default).
 --stack slirp    the whole embedded stack in this process (rawnet-eth, smoltcp with DHCP,
                  rawnet-tcp) behind libslirp, which forwards to the broker's address and
                  nowhere else. Needs no privilege. IPv4.
 --stack tap --tap-if NAME   the embedded stack on a TAP interface (root); DHCP and DNS from
                  that network.
Exit status: 0 done; 1 bad command line or input file; the CONNACK code when the broker
refuses (3.1.1: 1-5, 5.0: 128 and up); 2 the broker broke the protocol; 7 the connection was
lost (closed, reset, DISCONNECT); 8 TLS failed (the message names the certificate's fault);
12 refused by the broker (all subscriptions, or a publish in 5.0); 14 no TCP connection
(refused, unreachable); 15 the name does not resolve; 19 the broker went silent; 21 a
malformed packet; 25 a packet over the limit; 27 timed out (-W, or no CONNACK/ack in
10 s). docs/tools.md has the details and the differences from mosquitto.
";

/// The help text of `tool`.
pub fn text(tool: Tool) -> String {
    let head = match tool {
        Tool::Pub => {
            "\
rawnet-pub publishes one message (or one per line of standard input) and exits: mosquitto_pub's
flags, rawnet's own MQTT client and TLS.

Usage: rawnet-pub [options] -t topic {-m message | -f file | -s | -l | -n}

Message:
 -t topic     the topic to publish to.
 -m message   the message.       -n   an empty message.
 -f file      the file's contents (streamed: any size, in bounded memory).
 -s           all of standard input as one message (streamed when it is a file).
 -l           one message per line of standard input; exit at its end.
 -q 0|1|2     QoS (default 0).   -r   retain.
"
        }
        Tool::Sub => {
            "\
rawnet-sub subscribes and prints the messages it receives: mosquitto_sub's flags, rawnet's own
MQTT client and TLS. Payloads are streamed to standard output as they arrive: a message of
any size passes in a few MiB.

Usage: rawnet-sub [options] -t filter [-t filter ...]

Subscription:
 -t filter    subscribe to filter (repeatable).   -q 0|1|2   the maximum QoS (default 0).
 -C count     exit after count messages (QoS 2 ones released first).
 -E           exit once the subscriptions are acknowledged.
 -R           do not print retained (stale) messages.
 --retained-only   print retained messages, exit at the first live one.
 -T filter    do not print messages on topics matching filter (repeatable).
 -U filter    unsubscribe from filter (repeatable).
Output (a newline after each message unless -N):
 -v           the topic, a space, the payload.
 -N           no newline after each message.
 -F format    mosquitto's format: %t topic, %p payload, %x / %X payload in hex, %l length,
              %q QoS, %r retain, %C %D %E %F %P %R %S the 5.0 properties, %I ISO-8601 time
              (UTC), %U Unix time, %j JSON, %% and \\n \\t \\0 \\\\ escapes. The payload may
              appear once; widths, %J, %m and @ (strftime) are not supported.
"
        }
    };
    format!("{head}{COMMON}")
}

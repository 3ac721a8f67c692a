//! rawnet-sub: mosquitto_sub's command line, rawnet's MQTT client and TLS (`--help`).

fn main() {
    let code = rawnet_tools::main(rawnet_tools::args::Tool::Sub, std::env::args_os().skip(1));
    std::process::exit(code);
}

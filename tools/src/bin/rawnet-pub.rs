//! rawnet-pub: mosquitto_pub's command line, rawnet's MQTT client and TLS (`--help`).

fn main() {
    let code = rawnet_tools::main(rawnet_tools::args::Tool::Pub, std::env::args_os().skip(1));
    std::process::exit(code);
}

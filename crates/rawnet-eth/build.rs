//! Links libslirp when the `slirp` feature is on; does nothing otherwise (so the crate still
//! builds for bare-metal targets without any host library).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "slirp")]
    {
        // Config version 3 (`disable_dns`) first shipped in libslirp 4.3.0.
        if let Err(e) = pkg_config::Config::new()
            .atleast_version("4.3.0")
            .probe("slirp")
        {
            panic!(
                "the `slirp` feature needs libslirp >= 4.3 found through pkg-config \
                 (Debian: apt-get install libslirp-dev libglib2.0-dev pkg-config): {e}"
            );
        }
    }
}

//! The `convoscan` binary: a thin command line over the library.

mod cli;

/// Conversations are allocated on the reading thread and freed on the worker
/// that analysed them; mimalloc handles that cross-thread pattern much better
/// than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}

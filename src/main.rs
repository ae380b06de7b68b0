fn main() -> std::process::ExitCode {
    otchet::cli::run()
}

use postiz_connect::{cli, commands, interrupt, providers::Catalog, store, ui::Ui};

fn main() {
    interrupt::install();
    // A broken user catalog must not hide the built-in providers' help: report and exit 6.
    let catalog = match Catalog::load(&store::default_home()) {
        Ok(catalog) => catalog,
        Err(err) => {
            let code = commands::conclude(&Ui::new(false, false, 0), Err(err));
            std::process::exit(code as i32);
        }
    };
    let invocation = match cli::parse(&catalog, std::env::args_os()) {
        Ok(invocation) => invocation,
        Err(err) => err.exit(),
    };
    let code = commands::run(invocation, catalog);
    std::process::exit(code as i32);
}

fn main() {
    sepconv::panic::show_on_page();
    sepconv::components::start();
}

"""Qt Quick touch UI: QML screens, view models and the workers that keep I/O off the GUI thread."""

"""Qt Quick touch UI: QML screens, view models and the workers that keep I/O off the GUI thread."""

from ui.environment import stop_source_caching_on_import

stop_source_caching_on_import()

import QtQuick
import QtQuick.Controls.Basic

// Opens screens on the stack without holding the GUI thread. StackView builds a screen all
// at once: 15-45 ms of the GUI thread (150 ms the first time, when it is also compiled),
// long enough for the kiosk to miss a tap or a card. Here a screen is compiled on QML's
// loader thread, built between frames a slice at a time (Qt Quick's own incubation, about
// 10 ms a frame on the software scene graph, in C++: Python threads run meanwhile) inside
// `staging`, an invisible item of the stack's size, and pushed when whole, 20-40 ms after
// the tap.
//
// While a screen is built `building` is true (Main.qml keeps touches off the screen being
// left meanwhile: one tap, one screen). drop() forgets the screens still being built or
// waiting to be (返回, 首页, the end of a session): they are destroyed when done, never shown.
QtObject {
    id: builder

    required property StackView stack
    required property Item staging
    property bool slides: false
    property bool building: false
    property int generation: 0  // counts drop()s: a build of an older generation is dropped

    // Pushes screens/`file` with `properties`, then calls `ready(screen)` (to connect its
    // signals). Asked while another screen is built (a guide, then its application), it is
    // built next, unless that one is dropped.
    function open(file: string, properties: var, ready: var) {
        const generation = builder.generation
        if (builder.building) {
            const next = () => {
                if (generation !== builder.generation)
                    builder.buildingChanged.disconnect(next)
                else if (!builder.building) {
                    builder.buildingChanged.disconnect(next)
                    builder.open(file, properties, ready)
                }
            }
            builder.buildingChanged.connect(next)
            return
        }
        builder.building = true
        const component = Qt.createComponent(Qt.resolvedUrl("../screens/" + file),
                                              Component.Asynchronous)
        const compiled = () => {
            if (component.status === Component.Loading)
                return
            component.statusChanged.disconnect(compiled)
            if (generation !== builder.generation)
                return
            if (component.status === Component.Ready)
                builder.build(component, properties, ready, generation)
            else
                builder.failed(file, component.errorString(), generation)
        }
        if (component.status === Component.Loading)
            component.statusChanged.connect(compiled)
        else
            compiled()
    }

    function drop() {
        builder.generation += 1
        builder.building = false
    }

    function build(component: Component, properties: var, ready: var, generation: int) {
        const incubator = component.incubateObject(builder.staging, properties, Qt.Asynchronous)
        if (!incubator) {
            builder.failed(component.url.toString(), "it could not be built", generation)
            return
        }
        const built = () => {
            if (incubator.status === Component.Loading)
                return
            const screen = incubator.object as Item
            if (generation !== builder.generation) {
                // Dropped: it has started whatever its Component.onCompleted starts (a card
                // awaited, say), and undoes that when it leaves the stack, as if popped.
                screen?.StackView.removed()
                screen?.destroy()
            } else if (!screen) {
                builder.failed(component.url.toString(), "its build failed", generation)
            } else {
                // Built here, so not the stack's to destroy: it would hand the screen back
                // to `staging` when popped, with whatever it shows.
                screen.StackView.removed.connect(screen.destroy)
                builder.stack.push(screen, {},
                                   builder.slides ? StackView.PushTransition : StackView.Immediate)
                if (ready)
                    ready(screen)
                builder.building = false  // last: a queued screen goes on top of this one
            }
        }
        if (incubator.status === Component.Loading)
            incubator.onStatusChanged = built
        else
            built()
    }

    // The QML engine has written the details as warnings already (see ui/qtlog.py).
    function failed(what: string, error: string, generation: int) {
        console.warn("cannot open", what + ":", error)
        if (generation === builder.generation)
            builder.building = false
    }
}

/// What the wallboard's port serves, by path: the one place a request is matched, so the
/// answer to every method and path is decided (and tested) without a socket.
enum WallboardRoute: String, CaseIterable, Equatable, Sendable {
    /// `/`: the page (`?lang=TAG` for another of the hotel's languages).
    case page = "/"
    /// `/events`: server-sent events, one JSON snapshot each time the figures change.
    case events = "/events"
    /// `/state.json`: the same snapshot, for whoever polls.
    case state = "/state.json"
    /// `/metrics`: Prometheus's text format.
    case metrics = "/metrics"

    /// The route `head` asks for and whether a body is wanted (GET, not HEAD), or the
    /// refusal: an unknown path is 404 whatever the method; a known one asked with
    /// anything but GET or HEAD is 405.
    static func route(_ head: HTTPRequestHead) -> Result<(route: WallboardRoute, withBody: Bool), HTTPRefusal> {
        guard let route = WallboardRoute(rawValue: head.path) else { return .failure(.notFound(path: head.path)) }
        switch head.method {
        case "GET": return .success((route, true))
        case "HEAD": return .success((route, false))
        default: return .failure(.methodNotAllowed(method: head.method))
        }
    }
}

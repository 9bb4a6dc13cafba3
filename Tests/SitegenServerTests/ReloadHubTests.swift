// The reload events: what a page hears when it connects, after a good build, after a failed
// one, and that closing the hub (shutdown) ends every stream.

import Foundation
import Testing
@testable import SitegenServer

struct ReloadHubTests {
    @Test func aSubscriberHearsHelloThenEveryChange() async throws {
        let hub = ReloadHub(status: PreviewStatus(build: 1, diagnostics: []))
        let subscription = hub.subscribe()
        #expect(hub.subscriberCount == 1)
        hub.publish(PreviewStatus(build: 2, diagnostics: []))
        hub.publish(PreviewStatus(build: 2, diagnostics: ["content/a.md:1:1: error[x]: broken"]))
        hub.keepAlive()
        hub.close()
        var events: [ReloadEvent] = []
        for await event in subscription.events { events.append(event) }
        #expect(events == [
            .hello(PreviewStatus(build: 1, diagnostics: [])),
            .reload(build: 2),
            .failed(PreviewStatus(build: 2, diagnostics: ["content/a.md:1:1: error[x]: broken"])),
            .keepAlive,
        ])
        #expect(hub.subscriberCount == 0)
    }

    @Test func aLateSubscriberHearsTheCurrentFailure() async throws {
        let hub = ReloadHub(status: PreviewStatus(build: 0, diagnostics: []))
        hub.publish(PreviewStatus(build: 3, diagnostics: ["content/a.md: error[x]: broken"]))
        var iterator = hub.subscribe().events.makeAsyncIterator()
        #expect(await iterator.next() == .hello(PreviewStatus(build: 3, diagnostics: ["content/a.md: error[x]: broken"])))
    }

    @Test func endingASubscriptionRemovesIt() async throws {
        let hub = ReloadHub(status: PreviewStatus(build: 1, diagnostics: []))
        let subscription = hub.subscribe()
        subscription.end()
        var count = 0
        for await _ in subscription.events { count += 1 }
        #expect(count == 1)  // the hello, then the end
        #expect(hub.subscriberCount == 0)
        hub.close()
        var late = hub.subscribe().events.makeAsyncIterator()
        #expect(await late.next() == nil)
    }

    @Test func eventsAreServerSentEventText() {
        #expect(ReloadEvent.reload(build: 4).encoded == "event: reload\ndata: {\"build\":4,\"diagnostics\":[],\"warnings\":0}\n\n")
        let failed = ReloadEvent.failed(PreviewStatus(build: 4, diagnostics: ["a.md:1:2: error[x]: \"quoted\"\nsecond line </script>"], warnings: 2))
        #expect(failed.encoded == "event: failed\ndata: {\"build\":4,\"diagnostics\":[\"a.md:1:2: error[x]: \\\"quoted\\\"\\nsecond line </script>\"],\"warnings\":2}\n\n")
        #expect(ReloadEvent.keepAlive.encoded == ": keep-alive\n\n")
    }
}

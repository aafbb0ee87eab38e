package org.ronda.ingest.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.ronda.ingest.assign.HostOwnership;
import org.ronda.ingest.assign.PollAssignment;
import org.ronda.ingest.poll.FeedPoller;
import org.ronda.ingest.poll.PollReport;
import org.ronda.ingest.source.Source;
import org.ronda.ingest.source.SourceCatalog;

/** Operator endpoints: the loaded sources, this instance's share of the hosts, and a poll on demand. */
@Path("/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    private final FeedPoller poller;
    private final SourceCatalog catalog;
    private final PollAssignment assignment;

    IngestResource(FeedPoller poller, SourceCatalog catalog, PollAssignment assignment) {
        this.poller = poller;
        this.catalog = catalog;
        this.assignment = assignment;
    }

    /**
     * The poll-task partitions this instance owns now, out of how many, and every host it polled
     * since it started, with the partition, the first and last poll and the number of polls.
     */
    @GET
    @Path("/assignment")
    public Map<String, Object> assignment() {
        HostOwnership o = assignment.ownership();
        return Map.of("partitions", o.partitions().stream().sorted().toList(), "partitionCount", o.partitionCount(),
                "polledHosts", o.polledHosts());
    }

    /** Polls every feed now and returns what happened. */
    @POST
    @Path("/poll")
    public PollReport poll() {
        return poller.pollAll();
    }

    /** The sources in use and the source-list lines that were rejected. */
    @GET
    @Path("/sources")
    public Map<String, Object> sources() {
        List<Source> sources = catalog.sources();
        return Map.of("sources", sources, "problems", catalog.problems());
    }
}

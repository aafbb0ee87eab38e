package org.ronda.alerts.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.ronda.contracts.Alert;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.TopicTag;

/**
 * A subscription's alerts as an Atom 1.0 feed (RFC 4287), written with Rome. One entry per story:
 * its id stays the same when the story grows, and its {@code updated} time and title change
 * ("now in 5 outlets"), which is how feed readers show an edited entry.
 */
public final class AtomFeedWriter {

    private AtomFeedWriter() {
    }

    /** The feed document for {@code alerts} (newest first) of {@code subscription}, served at {@code selfUrl}. */
    public static String write(Subscription subscription, List<Alert> alerts, String selfUrl) {
        Feed feed = new Feed("atom_1.0");
        feed.setId("urn:ronda:subscription:" + subscription.id());
        feed.setTitle("Ronda alerts: " + subscription.name());
        feed.setUpdated(Date.from(alerts.isEmpty() ? subscription.updatedAt() : alerts.get(0).alertedAt()));
        Link self = new Link();
        self.setRel("self");
        self.setType("application/atom+xml");
        self.setHref(selfUrl);
        feed.setOtherLinks(List.of(self));
        Person author = new Person();
        author.setName("Ronda");
        feed.setAuthors(List.of(author));
        feed.setGenerator(null);
        List<Entry> entries = new ArrayList<>();
        for (Alert a : alerts) {
            entries.add(entry(a));
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("an Atom feed built here is always valid: " + e.getMessage(), e);
        }
    }

    private static Entry entry(Alert a) {
        Alert.AlertArticle article = a.article();
        Entry e = new Entry();
        e.setId("urn:ronda:alert:" + a.alertId());
        e.setTitle(article.title() + (a.storyOutlets() > 1 ? " (now in " + a.storyOutlets() + " outlets)" : ""));
        Link link = new Link();
        link.setRel("alternate");
        link.setType("text/html");
        link.setHref(article.url());
        e.setAlternateLinks(List.of(link));
        e.setUpdated(Date.from(a.alertedAt()));
        if (article.publishedAt() != null) {
            e.setPublished(Date.from(article.publishedAt()));
        }
        Person outlet = new Person();
        outlet.setName(article.outlet());
        e.setAuthors(List.of(outlet));
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(summary(a));
        e.setSummary(summary);
        return e;
    }

    /** Plain text: outlet, topics with the words that tagged them, story size, snippet. */
    static String summary(Alert a) {
        Alert.AlertArticle article = a.article();
        String topics = article.topics().stream().map(AtomFeedWriter::topic).collect(Collectors.joining("; "));
        StringBuilder s = new StringBuilder();
        s.append(article.outlet()).append(" (").append(article.outletCountry()).append(')');
        if (!topics.isEmpty()) {
            s.append(" | topics: ").append(topics);
        }
        s.append(" | story: ").append(a.storyArticles()).append(a.storyArticles() == 1 ? " article" : " articles")
                .append(" in ").append(a.storyOutlets()).append(a.storyOutlets() == 1 ? " outlet" : " outlets");
        if (!article.snippet().isEmpty()) {
            s.append("\n\n").append(article.snippet());
        }
        return s.toString();
    }

    private static String topic(TopicTag t) {
        return t.topic() + " (" + t.evidence().stream().map(Evidence::term).distinct().limit(3).collect(Collectors.joining(", ")) + ")";
    }
}

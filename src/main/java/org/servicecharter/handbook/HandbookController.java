package org.servicecharter.handbook;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.platform.NotFound;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Handbook versions: publish (process owners; JSON with a link, or multipart with the file), read, download an
 * uploaded document, sign or decline one's own sign-off, and the status report (process owners, HR, auditors).
 */
@RestController
@RequestMapping("/api/handbooks")
public class HandbookController {

    /** Publishing with a link to the document and its SHA-256. */
    public record PublishRequest(String version, String title, String documentUrl, String documentSha256, String rules,
            String deadline) {
    }

    public record VersionView(String version, String title, String documentUrl, String documentSha256, String rules,
            Instant signOffDeadline, String publishedBy, Instant publishedAt, String state, String supersededBy,
            String approvedBy, Instant approvedAt, String sentBackBy, Instant sentBackAt, String sentBackReason) {
    }

    private final HandbookPublishing publishing;
    private final HandbookSignOffs signOffs;
    private final HandbookRegister register;

    public HandbookController(HandbookPublishing publishing, HandbookSignOffs signOffs, HandbookRegister register) {
        this.publishing = publishing;
        this.signOffs = signOffs;
        this.register = register;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<VersionView> publish(@RequestBody PublishRequest request) {
        String version = publishing.publish(new HandbookDraft(request.version(), request.title(), request.documentUrl(),
                request.documentSha256(), request.rules(), request.deadline(), false), null);
        return created(version);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<VersionView> publishUpload(@RequestPart(name = "document", required = false) MultipartFile document,
            @RequestParam(required = false) String version, @RequestParam(required = false) String title,
            @RequestParam(required = false) String rules, @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String documentSha256) throws IOException {
        if (document == null || document.isEmpty()) {
            throw Rejected.fields(List.of(new FieldError("document", "is required: the handbook file (or send JSON with a documentUrl)")));
        }
        String published = publishing.publish(new HandbookDraft(version, title, null, documentSha256, rules, deadline, true),
                new HandbookPublishing.Upload(document.getOriginalFilename(), document.getContentType(), document.getBytes()));
        return created(published);
    }

    @GetMapping("/{version}")
    public VersionView get(@PathVariable String version) {
        return view(signOffs.version(version));
    }

    @GetMapping("/{version}/document")
    public ResponseEntity<byte[]> document(@PathVariable String version) {
        HandbookRegister.Version v = signOffs.version(version);
        if (!v.documentStored()) {
            return ResponseEntity.status(303).location(URI.create(v.documentUrl())).build();
        }
        HandbookRegister.Document document = register.findDocument(v.documentSha256())
                .orElseThrow(() -> new NotFound("The document of handbook version " + version + " is missing."));
        // inert whatever is stored (uploads are checked PDFs; a document stored before that check may be anything):
        // always a PDF to the browser, never sniffed, sandboxed if rendered at all, and downloaded rather than shown
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(downloadName(document.fileName()))
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'")
                .header("X-Content-SHA256", document.sha256())
                .body(document.content());
    }

    /** The uploader's file name without its path and extension, in letters, digits, dots, dashes and underscores, as .pdf. */
    static String downloadName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return (name.isEmpty() ? "handbook" : name) + ".pdf";
    }

    /** The logged-in employee signs or declines their own sign-off of this version. */
    @PostMapping("/{version}/sign-off")
    public ResponseEntity<EmployeeFileEntry> answer(@PathVariable String version, @RequestBody HandbookSignOffs.Answer answer) {
        EmployeeFileEntry entry = signOffs.answer(version, answer);
        return ResponseEntity.created(URI.create("/api/employees/" + entry.employeeId() + "/file")).body(entry);
    }

    @GetMapping("/{version}/status")
    public HandbookSignOffs.Status status(@PathVariable String version) {
        return signOffs.status(version);
    }

    private ResponseEntity<VersionView> created(String version) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/handbooks/{version}")
                .buildAndExpand(version).toUri();
        return ResponseEntity.created(location).body(view(signOffs.version(version)));
    }

    private static VersionView view(HandbookRegister.Version v) {
        return new VersionView(v.version(), v.title(), v.documentUrl(), v.documentSha256(), v.rules(), v.signOffDeadline(),
                v.publishedBy(), v.publishedAt(), v.state(), v.supersededBy(), v.approvedBy(), v.approvedAt(),
                v.sentBackBy(), v.sentBackAt(), v.sentBackReason());
    }

}

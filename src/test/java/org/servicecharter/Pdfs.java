package org.servicecharter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small, valid PDF documents for tests that upload handbooks: one page with a line of text, padded to a size. */
public final class Pdfs {

    private Pdfs() {
    }

    public static byte[] withText(String text) {
        return withText(text, 0);
    }

    /** A one-page PDF whose content stream is padded with PDF comments to about {@code paddingBytes} more bytes. */
    public static byte[] withText(String text, int paddingBytes) {
        StringBuilder content = new StringBuilder("BT /F1 18 Tf 72 720 Td (")
                .append(text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") Tj ET\n");
        String line = "% " + "x".repeat(97) + "\n";
        for (int written = 0; written < paddingBytes; written += line.length()) {
            content.append(line);
        }
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        write(pdf, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        write(pdf, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

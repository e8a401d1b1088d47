package org.luodi.events;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file of reference data on the class path (townships, industry chains, a year's targets): its header and its
 * rows, blank lines left out, every cell stripped, every row as wide as the header (missing cells empty, extra ones
 * dropped), so that {@code row[i]} is always the column {@code header[i]}.
 */
public record ReferenceCsv(String[] header, List<String[]> rows) {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    public static ReferenceCsv read(String resource) {
        try (InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + resource);
            }
            List<String[]> lines;
            try (MappingIterator<String[]> cells = CSV.readerFor(String[].class).readValues(in)) {
                lines = cells.readAll().stream().filter(line -> !blank(line)).toList();
            }
            if (lines.isEmpty()) {
                throw new IllegalStateException("empty reference file " + resource);
            }
            String[] header = stripped(lines.get(0), lines.get(0).length);
            List<String[]> rows = lines.subList(1, lines.size()).stream()
                    .map(line -> stripped(line, header.length)).toList();
            return new ReferenceCsv(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] stripped(String[] line, int width) {
        String[] row = Arrays.copyOf(line, width);
        Arrays.setAll(row, i -> row[i] == null ? "" : row[i].strip());
        return row;
    }

    /** A line of whitespace only: Jackson skips truly empty lines, not those. */
    private static boolean blank(String[] line) {
        return Arrays.stream(line).allMatch(cell -> cell == null || cell.isBlank());
    }
}

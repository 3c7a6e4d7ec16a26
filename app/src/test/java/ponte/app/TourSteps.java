package ponte.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The README tour's steps, as a reader copies them: every shell command of the {@code sh} blocks in the tour's
 * section, in order, each with the comment lines that follow it (its documented answer, "# → …"). A command ends at a
 * line end outside quotes and not escaped, so a multi-line JSON body or a {@code python3 -c '…'} program is one step.
 */
final class TourSteps {
    private TourSteps() {}

    /** A command as the README shows it, and its number in the tour (from 1). */
    record Step(int number, String text) {
        @Override
        public String toString() {
            return "step " + number + ": " + text;
        }
    }

    static List<Step> in(String readme, String section) {
        int start = readme.indexOf("## " + section);
        if (start < 0) {
            throw new IllegalArgumentException("README.md has no section " + section);
        }
        int end = readme.indexOf("\n## ", start + 1);
        String tour = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> commands = new ArrayList<>();
        int from = 0;
        while ((from = tour.indexOf("```sh\n", from)) >= 0) {
            int body = from + "```sh\n".length();
            int close = tour.indexOf("\n```", body);
            commands.addAll(commands(tour.substring(body, close + 1)));
            from = close + 4;
        }
        List<Step> steps = new ArrayList<>();
        for (String command : commands) {
            steps.add(new Step(steps.size() + 1, command));
        }
        return steps;
    }

    /** The commands of one block; a comment-only line belongs to the command before it (or, first in a block, after it). */
    static List<String> commands(String block) {
        List<String> out = new ArrayList<>();
        String leading = "";
        for (String line : logicalLines(block)) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (!stripped.startsWith("#")) {
                out.add(leading + line);
                leading = "";
            } else if (out.isEmpty()) {
                leading += line + "\n";
            } else {
                out.set(out.size() - 1, out.getLast() + "\n" + line);
            }
        }
        return out;
    }

    /** Lines as the shell reads them: a line end inside quotes or after a backslash does not end one. */
    private static List<String> logicalLines(String block) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        boolean comment = false;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (single) {
                single = c != '\'';
            } else if (c == '\\' && i + 1 < block.length()) {
                line.append(c);
                c = block.charAt(++i); // the escaped character, a line end included, is part of the line
            } else if (dbl) {
                dbl = c != '"';
            } else if (c == '\'' || c == '"') {
                single = c == '\'';
                dbl = c == '"';
            } else if (c == '#' && (line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1)))) {
                comment = true;
            }
            if (c == '\n' && !single && !dbl && !comment && (line.isEmpty() || line.charAt(line.length() - 1) != '\\')) {
                lines.add(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

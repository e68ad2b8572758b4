package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tol.cli.TolCommand;

/**
 * Every {@code tol} command line in {@code slurm/*.sbatch} (any script, including ones added later) must parse
 * with the real CLI, so scripts and code cannot drift apart. Shell variables take their {@code ${VAR:-default}}
 * defaults from the script; required ones get a placeholder path.
 */
class SlurmScriptsTest {
    private static final Pattern DEFAULT = Pattern.compile("^\\s*(\\w+)=\\$\\{\\1:-(.*)\\}\\s*$");
    private static final Pattern VAR = Pattern.compile("\\$\\{(\\w+)(?:(:[-+])([^}]*))?\\}|\\$(\\w+)");
    private static final List<String> ENDS = List.of(";", "&&", "||", "|", "&", ">", ">>", "2>", "2>&1");

    @TestFactory
    Stream<DynamicTest> everyTolCommandLineInSlurmScriptsParses() throws IOException {
        Path slurm = Path.of(System.getProperty("tol.repo", "..")).resolve("slurm");
        assertTrue(Files.isDirectory(slurm), "no slurm/ folder at " + slurm.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(slurm)) {
            for (Path script : files.filter(f -> f.toString().endsWith(".sbatch") || f.toString().endsWith(".sh"))
                    .sorted().toList()) {
                List<List<String>> commands = tolCommands(Files.readString(script));
                assertFalse(commands.isEmpty(), script + " runs no tol command");
                for (List<String> args : commands) {
                    tests.add(DynamicTest.dynamicTest(script.getFileName() + ": tol " + String.join(" ", args),
                            () -> assertDoesNotThrow(() -> TolCommand.commandLine().parseArgs(args.toArray(String[]::new)),
                                    "'tol " + String.join(" ", args) + "' from " + script + " does not parse")));
                }
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    /** The argument lists of every tol invocation in a script, variables expanded. */
    static List<List<String>> tolCommands(String script) {
        Map<String, String> defaults = new HashMap<>();
        List<String> logical = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            Matcher d = DEFAULT.matcher(line);
            if (d.matches()) {
                defaults.put(d.group(1), d.group(2));
            }
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                cur.append(line, 0, line.length() - 1).append(' ');
            } else {
                logical.add(cur.append(line).toString());
                cur.setLength(0);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (String line : logical) {
            List<String> tokens = tokenize(line, defaults);
            for (int i = 0; i < tokens.size(); i++) {
                if (isTol(tokens.get(i)) && commandPosition(tokens, i)) {
                    List<String> args = new ArrayList<>();
                    for (int k = i + 1; k < tokens.size() && !ENDS.contains(tokens.get(k)); k++) {
                        args.add(tokens.get(k));
                    }
                    out.add(args);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isTol(String token) {
        return token.equals("\u0000TOL") || token.equals("tol") || token.endsWith("/tol");
    }

    /** The tol word starts the command, or follows srun/exec/time and their options. */
    private static boolean commandPosition(List<String> tokens, int i) {
        for (int k = 0; k < i; k++) {
            String t = tokens.get(k);
            if (!(t.equals("srun") || t.equals("exec") || t.equals("time") || t.startsWith("-"))) {
                return false;
            }
        }
        return true;
    }

    /** Splits like the shell: quotes group, unquoted expansions split on blanks, $TOL becomes a marker. */
    static List<String> tokenize(String line, Map<String, String> defaults) {
        List<String> tokens = new ArrayList<>();
        StringBuilder tok = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int end = line.indexOf(c, i + 1);
                String inner = line.substring(i + 1, end < 0 ? line.length() : end);
                tok = tok == null ? new StringBuilder() : tok;
                tok.append(c == '"' ? expand(inner, defaults) : inner);
                i = end < 0 ? line.length() : end;
            } else if (Character.isWhitespace(c)) {
                if (tok != null) {
                    tokens.add(tok.toString());
                    tok = null;
                }
            } else if (c == '$') {
                Matcher m = VAR.matcher(line).region(i, line.length());
                if (m.lookingAt()) {
                    String value = expand(m.group(), defaults);
                    i = m.end() - 1;
                    String[] words = value.trim().isEmpty() ? new String[0] : value.trim().split("\\s+");
                    for (int w = 0; w < words.length; w++) {
                        tok = tok == null ? new StringBuilder() : tok;
                        tok.append(words[w]);
                        if (w < words.length - 1) {
                            tokens.add(tok.toString());
                            tok = null;
                        }
                    }
                } else {
                    tok = (tok == null ? new StringBuilder() : tok).append(c);
                }
            } else {
                tok = (tok == null ? new StringBuilder() : tok).append(c);
            }
        }
        if (tok != null) {
            tokens.add(tok.toString());
        }
        return tokens;
    }

    private static String expand(String text, Map<String, String> defaults) {
        Matcher m = VAR.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String inlineDefault = ":-".equals(m.group(2)) ? m.group(3) : null; // ${X:-default} used in place
            String v = ":+".equals(m.group(2)) ? expand(m.group(3), defaults) // ${X:+word}: X taken as set
                    : name.equals("TOL") ? "\u0000TOL"
                    : defaults.containsKey(name) ? expand(defaults.get(name), defaults)
                    : inlineDefault != null ? expand(inlineDefault, defaults) : "/tmp/tol-placeholder-" + name;
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }
}

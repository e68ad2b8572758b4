package org.tol.models.supportset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.api.model.DType;

/**
 * Reads the pickle inside a {@code torch.save} archive, accepting only what a saved {@code {label: tensor}}
 * dict contains: dicts/OrderedDicts, strings, small ints, tuples, booleans, None, storage references and the
 * tensor-rebuild call. Every other opcode and every other global is rejected with an error naming it.
 *
 * <p>Nothing is ever executed: the two allowed "calls" ({@code _rebuild_tensor_v2} and {@code OrderedDict()})
 * are interpreted here as data, so a hostile file (e.g. one whose pickle calls {@code os.system}) fails
 * before anything happens.
 */
final class SafeUnpickler {
    /** A {@code torch.save} storage reference: dtype, the archive record key, element count. */
    record StorageRef(DType dtype, String key, long numel) {}

    /** A tensor view onto a storage, as {@code torch._utils._rebuild_tensor_v2} would build it. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}

    private record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    private static final Object MARK = new Object();
    private static final Object NONE = new Object();
    private static final int MAX_STACK = 100_000;

    private static final Map<String, DType> STORAGES = Map.of(
            "torch.FloatStorage", DType.FLOAT32,
            "torch.DoubleStorage", DType.FLOAT64,
            "torch.HalfStorage", DType.FLOAT16,
            "torch.BFloat16Storage", DType.BFLOAT16);
    private static final Set<String> CALLABLES = Set.of(
            "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor", "collections.OrderedDict");

    private final byte[] data;
    private final String source;
    private int pos;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private SafeUnpickler(byte[] data, String source) {
        this.data = data;
        this.source = source;
    }

    /** Parses the pickle and returns the top-level object: an ordered map of label to {@link TensorRef}. */
    static Map<String, TensorRef> readTensorDict(byte[] pickle, String source) {
        Object top = new SafeUnpickler(pickle, source).run();
        if (!(top instanceof Map<?, ?> map)) {
            throw new SupportSetFormatException(source + ": the pickle holds " + describe(top)
                    + ", not a {label: tensor} dict");
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String label)) {
                throw new SupportSetFormatException(source + ": dict key " + describe(e.getKey()) + " is not a string label");
            }
            if (!(e.getValue() instanceof TensorRef t)) {
                throw new SupportSetFormatException(source + ": value of label '" + label + "' is "
                        + describe(e.getValue()) + ", not a tensor");
            }
            out.put(label, t);
        }
        return out;
    }

    private Object run() {
        while (true) {
            if (pos >= data.length) {
                throw bad("pickle ends without a STOP opcode (truncated file?)");
            }
            int op = data[pos++] & 0xff;
            switch (op) {
                case 0x80 -> u8(); // PROTO
                case 0x95 -> skip(8); // FRAME (protocol 4 framing: just a length)
                case '}' -> push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
                case ')' -> push(List.of()); // EMPTY_TUPLE
                case '(' -> push(MARK);
                case '.' -> {
                    Object top = pop();
                    if (!stack.isEmpty()) {
                        throw bad("data left on the stack at STOP");
                    }
                    return top;
                }
                case 'q' -> memo.put((long) u8(), peek()); // BINPUT
                case 'r' -> memo.put(u32(), peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(u32())); // LONG_BINGET
                case 'X' -> push(utf8(u32())); // BINUNICODE
                case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
                case 0x8d -> push(utf8(u64())); // BINUNICODE8
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) (u8() | (u8() << 8))); // BININT2
                case 'J' -> push((long) (int) u32()); // BININT
                case 0x8a -> push(long1()); // LONG1
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'N' -> push(NONE);
                case 't' -> push(List.copyOf(popToMark()));
                case 0x85 -> push(List.of(pop()));
                case 0x86 -> {
                    Object b = pop();
                    push(List.of(pop(), b));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    push(List.of(pop(), b, c));
                }
                case 'c' -> push(global(line(), line())); // GLOBAL
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw bad("STACK_GLOBAL with non-string operands");
                    }
                    push(global(m, n));
                }
                case 'Q' -> push(persistentLoad(pop())); // BINPERSID
                case 'R' -> { // REDUCE
                    Object args = pop();
                    push(reduce(pop(), args));
                }
                case 's' -> { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    dictOnTop().put(k, v);
                }
                case 'u' -> { // SETITEMS
                    List<Object> items = popToMark();
                    if (items.size() % 2 != 0) {
                        throw bad("SETITEMS with an odd number of items");
                    }
                    Map<Object, Object> d = dictOnTop();
                    for (int i = 0; i < items.size(); i += 2) {
                        d.put(items.get(i), items.get(i + 1));
                    }
                }
                default -> throw bad(String.format("pickle opcode 0x%02x ('%s') at byte %d is not allowed in a "
                        + "support set; tol reads only {label: tensor} dicts and never runs pickled code",
                        op, printable(op), pos - 1));
            }
        }
    }

    private Global global(String module, String name) {
        Global g = new Global(module, name);
        if (!STORAGES.containsKey(g.qualified()) && !CALLABLES.contains(g.qualified())) {
            throw bad("pickle refers to '" + g.qualified() + "', which a {label: tensor} support set never "
                    + "contains; refusing to load it (tol never executes pickled code)");
        }
        return g;
    }

    private Object persistentLoad(Object pid) {
        if (!(pid instanceof List<?> t) || t.size() != 5 || !"storage".equals(t.get(0))
                || !(t.get(1) instanceof Global g) || !(t.get(2) instanceof String key)
                || !(t.get(4) instanceof Long numel)) {
            throw bad("unexpected persistent id " + describe(pid) + " (expected ('storage', type, key, location, numel))");
        }
        DType dtype = STORAGES.get(g.qualified());
        if (dtype == null) {
            throw bad("persistent id names '" + g.qualified() + "', not a float storage type");
        }
        return new StorageRef(dtype, key, numel);
    }

    private Object reduce(Object callable, Object args) {
        if (!(callable instanceof Global g) || !(args instanceof List<?> a)) {
            throw bad("REDUCE on " + describe(callable) + " is not allowed");
        }
        switch (g.qualified()) {
            case "collections.OrderedDict":
                if (!a.isEmpty()) {
                    throw bad("OrderedDict called with arguments");
                }
                return new LinkedHashMap<Object, Object>();
            case "torch._utils._rebuild_tensor_v2":
            case "torch._utils._rebuild_tensor":
                if (a.size() < 4 || !(a.get(0) instanceof StorageRef s) || !(a.get(1) instanceof Long off)) {
                    throw bad("malformed tensor rebuild arguments " + describe(args));
                }
                return new TensorRef(s, off, longs(a.get(2), "size"), longs(a.get(3), "stride"));
            default:
                throw bad("REDUCE on '" + g.qualified() + "' is not allowed");
        }
    }

    private long[] longs(Object o, String what) {
        if (!(o instanceof List<?> l)) {
            throw bad("tensor " + what + " is " + describe(o) + ", not a tuple of ints");
        }
        long[] r = new long[l.size()];
        for (int i = 0; i < r.length; i++) {
            if (!(l.get(i) instanceof Long v) || v < 0) {
                throw bad("tensor " + what + " holds " + describe(l.get(i)));
            }
            r[i] = v;
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop() {
        Object top = peek();
        if (!(top instanceof Map)) {
            throw bad("SETITEM(S) on " + describe(top) + ", not a dict");
        }
        return (Map<Object, Object>) top;
    }

    private List<Object> popToMark() {
        List<Object> items = new ArrayList<>();
        while (true) {
            Object o = pop();
            if (o == MARK) {
                break;
            }
            items.add(0, o);
        }
        return items;
    }

    private void push(Object o) {
        if (stack.size() >= MAX_STACK) {
            throw bad("pickle stack grows beyond " + MAX_STACK + " entries");
        }
        stack.push(o);
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw bad("pickle pops from an empty stack at byte " + pos);
        }
        return stack.pop();
    }

    private Object peek() {
        if (stack.isEmpty() || stack.peek() == MARK) {
            throw bad("pickle memoizes or updates a missing object at byte " + pos);
        }
        return stack.peek();
    }

    private Object memoGet(long key) {
        Object o = memo.get(key);
        if (o == null) {
            throw bad("pickle reads memo entry " + key + " that was never stored");
        }
        return o;
    }

    private int u8() {
        need(1);
        return data[pos++] & 0xff;
    }

    private long u32() {
        need(4);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16 | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    private long u64() {
        long lo = u32();
        long hi = u32();
        if (hi != 0) {
            throw bad("string longer than 4 GB");
        }
        return lo;
    }

    private Long long1() {
        int n = u8();
        if (n > 8) {
            throw bad("integer wider than 64 bits");
        }
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        if (n > 0 && n < 8 && (data[pos + n - 1] & 0x80) != 0) {
            v -= 1L << (8 * n); // sign-extend little-endian two's complement
        }
        pos += n;
        return v;
    }

    private void skip(int n) {
        need(n);
        pos += n;
    }

    private String utf8(long len) {
        need(len);
        String s = new String(data, pos, (int) len, StandardCharsets.UTF_8);
        pos += (int) len;
        return s;
    }

    private String line() {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw bad("GLOBAL name runs past the end of the pickle");
        }
        return new String(data, start, pos++ - start, StandardCharsets.UTF_8);
    }

    private void need(long n) {
        if (n < 0 || pos + n > data.length) {
            throw bad("pickle is truncated at byte " + pos);
        }
    }

    private SupportSetFormatException bad(String what) {
        return new SupportSetFormatException(source + ": " + what);
    }

    private static String printable(int op) {
        return op >= 0x20 && op < 0x7f ? String.valueOf((char) op) : "\\x" + Integer.toHexString(op);
    }

    private static String describe(Object o) {
        if (o == null || o == NONE) {
            return "None";
        }
        if (o instanceof Global g) {
            return "'" + g.qualified() + "'";
        }
        if (o instanceof String s) {
            return "string '" + s + "'";
        }
        if (o instanceof List<?> l) {
            return "a tuple of " + l.size();
        }
        if (o instanceof Map<?, ?>) {
            return "a dict";
        }
        return o.getClass().getSimpleName() + " " + o;
    }
}

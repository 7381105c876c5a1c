package io.atlas4j.hcl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in function library: the Terraform/cty functions Atlas files use, Atlas's URL helpers, the
 * project-file functions ({@code file}, {@code glob}, {@code fileset}, {@code getenv}) and {@code sql}.
 */
final class StandardFunctions {

    private StandardFunctions() {
    }

    static Map<String, HclFunction> all(Path baseDir) {
        Map<String, HclFunction> f = new HashMap<>();
        strings(f);
        collections(f);
        numbers(f);
        conversions(f);
        urls(f);
        f.put("file", (a, at) -> FileFunctions.file(baseDir, a));
        f.put("glob", (a, at) -> FileFunctions.glob(baseDir, a));
        f.put("fileset", (a, at) -> FileFunctions.fileset(baseDir, a));
        f.put("getenv", (a, at) -> {
            Args.count(a, 1);
            String v = System.getenv(Args.str(a, 0));
            return Value.of(v == null ? "" : v);
        });
        f.put("sql", (a, at) -> {
            Args.count(a, 1);
            return Values.sql(Args.str(a, 0));
        });
        f.put("jsonencode", (a, at) -> {
            Args.count(a, 1);
            return Value.of(Json.encode(a.get(0)));
        });
        f.put("jsondecode", (a, at) -> {
            Args.count(a, 1);
            return Json.decode(Args.str(a, 0));
        });
        f.put("format", (a, at) -> {
            Args.count(a, 1, Integer.MAX_VALUE);
            return Value.of(Format.format(a));
        });
        return f;
    }

    private static void strings(Map<String, HclFunction> f) {
        f.put("lower", unary(s -> s.toLowerCase(Locale.ROOT)));
        f.put("upper", unary(s -> s.toUpperCase(Locale.ROOT)));
        f.put("title", unary(StandardFunctions::title));
        f.put("trimspace", unary(String::strip));
        f.put("chomp", unary(s -> s.replaceAll("(\\r?\\n)+$", "")));
        f.put("strrev", unary(s -> new StringBuilder(s).reverse().toString()));
        f.put("trim", (a, at) -> {
            Args.count(a, 2);
            String s = Args.str(a, 0);
            String cut = Args.str(a, 1);
            int b = 0;
            int e = s.length();
            while (b < e && cut.indexOf(s.charAt(b)) >= 0) {
                b++;
            }
            while (e > b && cut.indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
            return Value.of(s.substring(b, e));
        });
        f.put("trimprefix", (a, at) -> {
            Args.count(a, 2);
            String s = Args.str(a, 0);
            String p = Args.str(a, 1);
            return Value.of(s.startsWith(p) ? s.substring(p.length()) : s);
        });
        f.put("trimsuffix", (a, at) -> {
            Args.count(a, 2);
            String s = Args.str(a, 0);
            String p = Args.str(a, 1);
            return Value.of(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
        });
        f.put("startswith", (a, at) -> {
            Args.count(a, 2);
            return Value.of(Args.str(a, 0).startsWith(Args.str(a, 1)));
        });
        f.put("endswith", (a, at) -> {
            Args.count(a, 2);
            return Value.of(Args.str(a, 0).endsWith(Args.str(a, 1)));
        });
        f.put("substr", (a, at) -> {
            Args.count(a, 3);
            int[] cps = Args.str(a, 0).codePoints().toArray();
            int offset = Args.integer(a, 1);
            int length = Args.integer(a, 2);
            if (offset < 0) {
                offset = Math.max(0, cps.length + offset);
            }
            offset = Math.min(offset, cps.length);
            int end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
            return Value.of(new String(cps, offset, end - offset));
        });
        f.put("indent", (a, at) -> {
            Args.count(a, 2);
            String pad = " ".repeat(Math.max(0, Args.integer(a, 0)));
            return Value.of(Args.str(a, 1).replace("\n", "\n" + pad));
        });
        f.put("join", (a, at) -> {
            Args.count(a, 2, Integer.MAX_VALUE);
            String sep = Args.str(a, 0);
            List<String> parts = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) {
                List<Value> items = Args.list(a, i);
                for (Value item : items) {
                    if (item instanceof Value.Null) {
                        throw new HclFunctionException(i, "element " + parts.size() + " is null");
                    }
                    parts.add(Args.str(List.of(item), 0));
                }
            }
            return Value.of(String.join(sep, parts));
        });
        f.put("split", (a, at) -> {
            Args.count(a, 2);
            String sep = Args.str(a, 0);
            String s = Args.str(a, 1);
            List<Value> out = new ArrayList<>();
            if (sep.isEmpty()) {
                s.codePoints().forEach(cp -> out.add(Value.of(new String(Character.toChars(cp)))));
            } else {
                int from = 0;
                while (true) {
                    int idx = s.indexOf(sep, from);
                    if (idx < 0) {
                        out.add(Value.of(s.substring(from)));
                        break;
                    }
                    out.add(Value.of(s.substring(from, idx)));
                    from = idx + sep.length();
                }
            }
            return new Value.ListV(out);
        });
        f.put("replace", (a, at) -> {
            Args.count(a, 3);
            String s = Args.str(a, 0);
            String sub = Args.str(a, 1);
            String repl = Args.str(a, 2);
            if (sub.length() > 1 && sub.startsWith("/") && sub.endsWith("/")) {
                return Value.of(regex(sub.substring(1, sub.length() - 1), 1).matcher(s)
                        .replaceAll(goReplacement(repl)));
            }
            return Value.of(s.replace(sub, repl));
        });
        f.put("regex", (a, at) -> {
            Args.count(a, 2);
            Matcher m = regex(Args.str(a, 0), 0).matcher(Args.str(a, 1));
            if (!m.find()) {
                throw new HclFunctionException(1, "pattern did not match any part of the string");
            }
            return captures(m);
        });
        f.put("regexall", (a, at) -> {
            Args.count(a, 2);
            Matcher m = regex(Args.str(a, 0), 0).matcher(Args.str(a, 1));
            List<Value> out = new ArrayList<>();
            while (m.find()) {
                out.add(captures(m));
            }
            return new Value.ListV(out);
        });
    }

    private static Pattern regex(String pattern, int arg) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new HclFunctionException(arg, "invalid regular expression: " + e.getDescription());
        }
    }

    private static Value captures(Matcher m) {
        if (m.groupCount() == 0) {
            return Value.of(m.group());
        }
        List<Value> groups = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
            groups.add(m.group(g) == null ? Value.NULL : Value.of(m.group(g)));
        }
        return new Value.ListV(groups);
    }

    /** Go's {@code $1} and {@code ${1}} replacement syntax to Java's. */
    private static String goReplacement(String repl) {
        return repl.replace("\\", "\\\\").replaceAll("\\$\\{(\\d+)}", "\\$$1");
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return sb.toString();
    }

    private static HclFunction unary(java.util.function.UnaryOperator<String> op) {
        return (a, at) -> {
            Args.count(a, 1);
            return Value.of(op.apply(Args.str(a, 0)));
        };
    }

    private static void collections(Map<String, HclFunction> f) {
        f.put("length", (a, at) -> {
            Args.count(a, 1);
            Value v = a.get(0);
            if (v instanceof Value.Str s) {
                return Value.of(s.value().codePointCount(0, s.value().length()));
            }
            if (v instanceof Value.Obj o) {
                return Value.of(o.entries().size());
            }
            if (v instanceof Value.ListV || v instanceof Value.SetV) {
                return Value.of(Args.list(a, 0).size());
            }
            throw Args.mismatch(0, "a string, list, set or object", v);
        });
        f.put("concat", (a, at) -> {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.addAll(Args.list(a, i));
            }
            return new Value.ListV(out);
        });
        f.put("contains", (a, at) -> {
            Args.count(a, 2);
            return Value.of(Args.list(a, 0).stream().anyMatch(v -> Values.equal(v, a.get(1))));
        });
        f.put("index", (a, at) -> {
            Args.count(a, 2);
            List<Value> items = Args.list(a, 0);
            for (int i = 0; i < items.size(); i++) {
                if (Values.equal(items.get(i), a.get(1))) {
                    return Value.of(i);
                }
            }
            throw new HclFunctionException(1, "item " + Values.display(a.get(1)) + " not found in the list");
        });
        f.put("element", (a, at) -> {
            Args.count(a, 2);
            List<Value> items = Args.list(a, 0);
            int i = Args.integer(a, 1);
            if (items.isEmpty()) {
                throw new HclFunctionException(0, "cannot take an element of an empty list");
            }
            if (i < 0) {
                throw new HclFunctionException(1, "index must not be negative");
            }
            return items.get(i % items.size());
        });
        f.put("keys", (a, at) -> {
            Args.count(a, 1);
            List<Value> out = new ArrayList<>();
            new TreeMap<>(Args.object(a, 0)).keySet().forEach(k -> out.add(Value.of(k)));
            return new Value.ListV(out);
        });
        f.put("values", (a, at) -> {
            Args.count(a, 1);
            return new Value.ListV(new ArrayList<>(new TreeMap<>(Args.object(a, 0)).values()));
        });
        f.put("lookup", (a, at) -> {
            Args.count(a, 2, 3);
            Map<String, Value> m = Args.object(a, 0);
            Value v = m.get(Args.str(a, 1));
            if (v != null) {
                return v;
            }
            if (a.size() == 3) {
                return a.get(2);
            }
            throw new HclFunctionException(1, "no key " + Values.quote(Args.str(a, 1)) + " in the map");
        });
        f.put("merge", (a, at) -> {
            Map<String, Value> out = new LinkedHashMap<>();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof Value.Null) {
                    continue;
                }
                out.putAll(Args.object(a, i));
            }
            return new Value.Obj(out);
        });
        f.put("zipmap", (a, at) -> {
            Args.count(a, 2);
            List<Value> keys = Args.list(a, 0);
            List<Value> vals = Args.list(a, 1);
            if (keys.size() != vals.size()) {
                throw new HclFunctionException(1, "expected " + keys.size() + " values to match the keys, got "
                        + vals.size());
            }
            Map<String, Value> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(Args.str(keys, i), vals.get(i));
            }
            return new Value.Obj(out);
        });
        f.put("coalesce", (a, at) -> {
            for (Value v : a) {
                if (!(v instanceof Value.Null) && !(v instanceof Value.Str s && s.value().isEmpty())) {
                    return v;
                }
            }
            throw new HclFunctionException("no non-null, non-empty argument");
        });
        f.put("coalescelist", (a, at) -> {
            for (int i = 0; i < a.size(); i++) {
                if (!Args.list(a, i).isEmpty()) {
                    return a.get(i);
                }
            }
            throw new HclFunctionException("no non-empty list argument");
        });
        f.put("compact", (a, at) -> {
            Args.count(a, 1);
            List<Value> out = new ArrayList<>();
            for (Value v : Args.list(a, 0)) {
                if (!(v instanceof Value.Null) && !(v instanceof Value.Str s && s.value().isEmpty())) {
                    out.add(v);
                }
            }
            return new Value.ListV(out);
        });
        f.put("distinct", (a, at) -> {
            Args.count(a, 1);
            List<Value> out = new ArrayList<>();
            for (Value v : Args.list(a, 0)) {
                if (out.stream().noneMatch(x -> Values.equal(x, v))) {
                    out.add(v);
                }
            }
            return new Value.ListV(out);
        });
        f.put("flatten", (a, at) -> {
            Args.count(a, 1);
            List<Value> out = new ArrayList<>();
            flatten(Args.list(a, 0), out);
            return new Value.ListV(out);
        });
        f.put("reverse", (a, at) -> {
            Args.count(a, 1);
            List<Value> out = new ArrayList<>(Args.list(a, 0));
            Collections.reverse(out);
            return new Value.ListV(out);
        });
        f.put("sort", (a, at) -> {
            Args.count(a, 1);
            List<String> out = new ArrayList<>();
            List<Value> items = Args.list(a, 0);
            for (int i = 0; i < items.size(); i++) {
                out.add(Args.str(items, i));
            }
            out.sort(null);
            return strings(out);
        });
        f.put("slice", (a, at) -> {
            Args.count(a, 3);
            List<Value> items = Args.list(a, 0);
            int from = Args.integer(a, 1);
            int to = Args.integer(a, 2);
            if (from < 0 || to > items.size() || from > to) {
                throw new HclFunctionException("invalid range [" + from + ", " + to + ") for a list of "
                        + items.size() + " elements");
            }
            return new Value.ListV(items.subList(from, to));
        });
        f.put("range", (a, at) -> {
            Args.count(a, 1, 3);
            BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : Args.num(a, 0);
            BigDecimal end = a.size() == 1 ? Args.num(a, 0) : Args.num(a, 1);
            BigDecimal step = a.size() == 3 ? Args.num(a, 2)
                    : BigDecimal.valueOf(start.compareTo(end) <= 0 ? 1 : -1);
            if (step.signum() == 0) {
                throw new HclFunctionException(a.size() - 1, "step must not be zero");
            }
            List<Value> out = new ArrayList<>();
            for (BigDecimal x = start; step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0;
                    x = x.add(step)) {
                if (out.size() >= 1024) {
                    throw new HclFunctionException("more than 1024 numbers requested");
                }
                out.add(new Value.Num(x));
            }
            return new Value.ListV(out);
        });
        f.put("alltrue", (a, at) -> {
            Args.count(a, 1);
            List<Value> items = Args.list(a, 0);
            return Value.of(items.stream().allMatch(v -> Values.asBool(v, at)));
        });
        f.put("anytrue", (a, at) -> {
            Args.count(a, 1);
            List<Value> items = Args.list(a, 0);
            return Value.of(items.stream().anyMatch(v -> Values.asBool(v, at)));
        });
        f.put("setunion", (a, at) -> {
            List<Value> all = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                all.addAll(Args.list(a, i));
            }
            return HclType.toSet(all);
        });
        f.put("setintersection", (a, at) -> {
            Args.count(a, 1, Integer.MAX_VALUE);
            List<Value> out = new ArrayList<>(Args.list(a, 0));
            for (int i = 1; i < a.size(); i++) {
                List<Value> other = Args.list(a, i);
                out.removeIf(v -> other.stream().noneMatch(o -> Values.equal(o, v)));
            }
            return HclType.toSet(out);
        });
        f.put("setsubtract", (a, at) -> {
            Args.count(a, 2);
            List<Value> out = new ArrayList<>(Args.list(a, 0));
            List<Value> other = Args.list(a, 1);
            out.removeIf(v -> other.stream().anyMatch(o -> Values.equal(o, v)));
            return HclType.toSet(out);
        });
    }

    private static void flatten(List<Value> items, List<Value> out) {
        for (Value v : items) {
            if (v instanceof Value.ListV l) {
                flatten(l.items(), out);
            } else if (v instanceof Value.SetV s) {
                flatten(s.items(), out);
            } else {
                out.add(v);
            }
        }
    }

    private static Value strings(List<String> items) {
        List<Value> out = new ArrayList<>(items.size());
        items.forEach(s -> out.add(Value.of(s)));
        return new Value.ListV(out);
    }

    private static void numbers(Map<String, HclFunction> f) {
        f.put("abs", (a, at) -> {
            Args.count(a, 1);
            return new Value.Num(Args.num(a, 0).abs());
        });
        f.put("ceil", (a, at) -> {
            Args.count(a, 1);
            return new Value.Num(Args.num(a, 0).setScale(0, RoundingMode.CEILING));
        });
        f.put("floor", (a, at) -> {
            Args.count(a, 1);
            return new Value.Num(Args.num(a, 0).setScale(0, RoundingMode.FLOOR));
        });
        f.put("signum", (a, at) -> {
            Args.count(a, 1);
            return Value.of(Args.num(a, 0).signum());
        });
        f.put("max", (a, at) -> {
            Args.count(a, 1, Integer.MAX_VALUE);
            BigDecimal m = Args.num(a, 0);
            for (int i = 1; i < a.size(); i++) {
                m = m.max(Args.num(a, i));
            }
            return new Value.Num(m);
        });
        f.put("min", (a, at) -> {
            Args.count(a, 1, Integer.MAX_VALUE);
            BigDecimal m = Args.num(a, 0);
            for (int i = 1; i < a.size(); i++) {
                m = m.min(Args.num(a, i));
            }
            return new Value.Num(m);
        });
        f.put("pow", (a, at) -> {
            Args.count(a, 2);
            BigDecimal base = Args.num(a, 0);
            BigDecimal exp = Args.num(a, 1);
            try {
                int e = exp.intValueExact();
                if (e >= 0 && e <= 9999) {
                    return new Value.Num(base.pow(e));
                }
            } catch (ArithmeticException notWhole) {
                // fall through to floating point
            }
            return new Value.Num(BigDecimal.valueOf(Math.pow(base.doubleValue(), exp.doubleValue())));
        });
        f.put("parseint", (a, at) -> {
            Args.count(a, 2);
            String s = Args.str(a, 0);
            int base = Args.integer(a, 1);
            if (base < 2 || base > 62) {
                throw new HclFunctionException(1, "base must be between 2 and 62");
            }
            try {
                return new Value.Num(new BigDecimal(new java.math.BigInteger(s, base)));
            } catch (NumberFormatException bad) {
                throw new HclFunctionException(0, "cannot parse " + Values.quote(s) + " as a base " + base
                        + " integer");
            }
        });
    }

    private static void conversions(Map<String, HclFunction> f) {
        f.put("tostring", (a, at) -> {
            Args.count(a, 1);
            return a.get(0) instanceof Value.Null ? Value.NULL : Value.of(Args.str(a, 0));
        });
        f.put("tonumber", (a, at) -> {
            Args.count(a, 1);
            return a.get(0) instanceof Value.Null ? Value.NULL : new Value.Num(Args.num(a, 0));
        });
        f.put("tobool", (a, at) -> {
            Args.count(a, 1);
            Value v = a.get(0);
            if (v instanceof Value.Null || v instanceof Value.Bool) {
                return v;
            }
            if (v instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
                return Value.of(s.value().equals("true"));
            }
            throw Args.mismatch(0, "a bool", v);
        });
        f.put("tolist", (a, at) -> {
            Args.count(a, 1);
            return a.get(0) instanceof Value.Null ? Value.NULL : new Value.ListV(Args.list(a, 0));
        });
        f.put("toset", (a, at) -> {
            Args.count(a, 1);
            return a.get(0) instanceof Value.Null ? Value.NULL : HclType.toSet(Args.list(a, 0));
        });
        f.put("tomap", (a, at) -> {
            Args.count(a, 1);
            return a.get(0) instanceof Value.Null ? Value.NULL : new Value.Obj(Args.object(a, 0));
        });
    }

    private static void urls(Map<String, HclFunction> f) {
        f.put("urlescape", (a, at) -> {
            Args.count(a, 1);
            return Value.of(GoUrl.queryEscape(Args.str(a, 0)));
        });
        f.put("urlqueryset", (a, at) -> {
            Args.count(a, 3);
            GoUrl u = GoUrl.parse(Args.str(a, 0));
            u.setQueryParam(Args.str(a, 1), Args.str(a, 2));
            return Value.of(u.toString());
        });
        f.put("urlsetpath", (a, at) -> {
            Args.count(a, 2);
            GoUrl u = GoUrl.parse(Args.str(a, 0));
            u.setPath(Args.str(a, 1));
            return Value.of(u.toString());
        });
        f.put("urluserinfo", (a, at) -> {
            Args.count(a, 2, 3);
            GoUrl u = GoUrl.parse(Args.str(a, 0));
            u.setUser(Args.str(a, 1), a.size() == 3 ? Args.str(a, 2) : null);
            return Value.of(u.toString());
        });
    }
}

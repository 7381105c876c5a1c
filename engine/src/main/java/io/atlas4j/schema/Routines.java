package io.atlas4j.schema;

import java.util.List;
import java.util.stream.Collectors;

/** Signatures of functions and procedures: the name plus the types of the arguments a caller passes. */
final class Routines {

    private Routines() {
    }

    static String signature(String name, List<FuncArg> args) {
        return name + args.stream()
                .filter(a -> a.mode() != FuncArg.Mode.OUT)
                .map(a -> String.valueOf(a.type()))
                .collect(Collectors.joining(",", "(", ")"));
    }
}

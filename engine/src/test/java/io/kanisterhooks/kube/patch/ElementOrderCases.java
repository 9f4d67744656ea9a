package io.kanisterhooks.kube.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merge lists whose order apimachinery decides with Go slices shared between mergePatchIntoOriginal and mergeSlice:
 * deletions ({@code append(s[:i], s[i+1:]...)}) and appends write into the caller's slice of the original list, which
 * it then uses as the server order when it interleaves the elements {@code $setElementOrder} names with the others.
 * Each case says why its order is what it is; {@code onApiServer} cases were also seen on the local API server and are
 * run there by {@link StrategicMergePatchApiServerTest}.
 *
 * <p>Notation: "view" is the caller's slice of the original list as it reads it after the merge (its length stays the
 * original's); in the interleaving an element goes before a patch element only when both are found in the view and
 * it is found earlier — an element missing from the view always lets the patch element go first.
 */
final class ElementOrderCases {

    /** Where the list lives: in a PodSpec (a PodTemplate's on the server), or in ObjectMeta (a ConfigMap's). */
    enum Document { POD_SPEC, OBJECT_META }

    /**
     * @param list     the merged list, as a path of keys and indexes ({@code containers.0.env})
     * @param expected the order of its elements: their {@code name}, or the values themselves
     */
    record Case(String name, Document document, String original, String patch, String list, List<String> expected,
                boolean onApiServer) {

        @Override
        public String toString() {
            return name;
        }

        /** The list's element names (or values) in a patched document. */
        List<String> order(Map<String, Object> document) {
            Object value = document;
            for (String key : list.split("\\.")) {
                value = value instanceof List<?> l ? l.get(Integer.parseInt(key)) : ((Map<?, ?>) value).get(key);
            }
            List<String> names = new ArrayList<>();
            for (Object element : (List<?>) value) {
                names.add(String.valueOf(element instanceof Map<?, ?> m ? m.get("name") : element));
            }
            return names;
        }
    }

    private ElementOrderCases() {
    }

    private static Case spec(String name, String original, String patch, String list, String expected) {
        return new Case(name, Document.POD_SPEC, original, patch, list, List.of(expected.split(" ")), true);
    }

    static final List<Case> CASES = List.of(
            // mergeSlice: delete b shifts the view to [a c c] (local length 2); e is appended at index 2, inside the
            // view: [a c e]. mergeSlice's own order puts e first ([e a c]: e is not in its 2-element original), but
            // the caller then interleaves server-only a, c with e by the view, where a (0) and c (1) precede e (2).
            spec("a deleted element's place goes to the first new one, which then follows the server-only ones",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}]", """
                    $setElementOrder/containers: [{name: e}]
                    containers: [{name: b, $patch: delete}, {name: e, image: x}]
                    """, "containers", "a c e"),
            // Without a deletion, e is appended past the view's length (in place or not): the view is [a b c], e is
            // missing from it, so e goes before every server-only element.
            spec("without a deletion a new element is missing from the view and leads",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}]", """
                    $setElementOrder/containers: [{name: e}]
                    containers: [{name: e, image: x}]
                    """, "containers", "e a b c"),
            // Deleting a shifts the view to [b c c]; the re-added a is appended at index 2: [b c a]. a is now found
            // after b and c, so it goes last, although it was first in the original.
            spec("a deleted and re-added element takes its new place in the view",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}]", """
                    $setElementOrder/containers: [{name: a}]
                    containers: [{name: a, $patch: delete}, {name: a, image: x}]
                    """, "containers", "b c a"),
            // Delete b: view [a c d d], local length 3. e is appended at index 3 (in the view: [a c d e]); f at 4,
            // beyond the view's length. Interleaving a, c, d with e, f: each of a, c, d precedes e in the view, so
            // they all go first; f follows e as $setElementOrder says.
            spec("only as many new elements as were deleted land in the view",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}, {name: d, image: i}]",
                    """
                    $setElementOrder/containers: [{name: e}, {name: f}]
                    containers: [{name: b, $patch: delete}, {name: e, image: x}, {name: f, image: x}]
                    """, "containers", "a c d e f"),
            // Delete c: view [a b d d]; e is appended at index 3 ([a b d e]); a is merged where it is. The patch
            // elements in $setElementOrder's order are [e a]; server-only b (1) and d (2) both precede e (3) in the
            // view, so they go first, then e, then a — although a is first in the original.
            spec("a new element found at the end of the view pulls the server-only ones before the patched ones",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}, {name: d, image: i}]",
                    """
                    $setElementOrder/containers: [{name: e}, {name: a}]
                    containers: [{name: c, $patch: delete}, {name: e, image: x}, {name: a, image: x}]
                    """, "containers", "b d e a"),
            // Delete a: view [b c d d]; delete b: [c d d d] (local length 2); e is appended at index 2: [c d e d].
            // Patch elements in order: [c e]; server-only d. c before d? d (1) is not before c (0): c first. d before
            // e? 1 < 2: yes. With the document's original order [a b c d], e would be missing and go before d.
            spec("more deletions than new elements leave stale copies at the end of the view",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}, {name: d, image: i}]",
                    """
                    $setElementOrder/containers: [{name: c}, {name: e}]
                    containers: [{name: a, $patch: delete}, {name: b, $patch: delete}, {name: e, image: x}]
                    """, "containers", "c d e"),
            // No $setElementOrder: only mergeSlice orders, against its own post-deletion original [a c], where e is
            // missing, so the new element leads.
            spec("without $setElementOrder new elements lead even after a deletion",
                    "containers: [{name: a, image: i}, {name: b, image: i}, {name: c, image: i}]",
                    "containers: [{name: b, $patch: delete}, {name: e, image: x}]", "containers", "e a c"),
            // A $patch: delete removes every element with the key, one in-place shift each: [p q p r] -> [q p r r]
            // -> [q r r r] (local length 2); e and f are appended at 2 and 3: view [q r e f]. Server-only q and r
            // precede e, so they go first.
            spec("every element a deletion matches is removed in place, and the new ones fill the view",
                    "containers: [{name: a, image: i, env: [{name: p, value: '1'}, {name: q, value: '1'}, "
                            + "{name: p, value: '2'}, {name: r, value: '1'}]}]", """
                    containers:
                    - name: a
                      $setElementOrder/env: [{name: e}, {name: f}]
                      env: [{name: p, $patch: delete}, {name: e, value: '2'}, {name: f, value: '2'}]
                    """, "containers.0.env", "q r e f"),
            // The same inside a container's env, itself merged as an element of containers: delete q gives the view
            // [p r r]; w is appended at index 2: [p r w]. p and r precede w.
            spec("a nested list follows the same rule",
                    "containers: [{name: a, image: i, env: [{name: p, value: '1'}, {name: q, value: '1'}, "
                            + "{name: r, value: '1'}]}]", """
                    $setElementOrder/containers: [{name: a}]
                    containers:
                    - name: a
                      $setElementOrder/env: [{name: w}]
                      env: [{name: q, $patch: delete}, {name: w, value: '2'}]
                    """, "containers.0.env", "p r w"),
            // Delete v1: view [v2 v3 v3]; v4 is appended at index 2 ([v2 v3 v4]); v3 is merged in place. Patch
            // elements [v4 v3]; server-only v2 (0) precedes v4 (2), so v2 goes first, then v4 and v3.
            spec("volumes merge by name in the same way",
                    "containers: [{name: a, image: i}]\n"
                            + "volumes: [{name: v1, emptyDir: {}}, {name: v2, emptyDir: {}}, {name: v3, emptyDir: {}}]",
                    """
                    $setElementOrder/volumes: [{name: v4}, {name: v3}]
                    volumes:
                    - {name: v1, $patch: delete}
                    - {name: v4, emptyDir: {}}
                    - {name: v3, emptyDir: {medium: Memory}}
                    """, "volumes", "v2 v4 v3"),
            // Primitive lists: both := append(original, patch...) with an empty patch is the original itself, and
            // deduplicateScalars overwrites a later duplicate with the last element, in place: [a a b c] -> the
            // second a becomes c -> [a c b] (view [a c b c]). The order follows the view: a, c, b.
            new Case("de-duplication moves the last value into a duplicate's place", Document.OBJECT_META,
                    "finalizers: [kh.io/a, kh.io/a, kh.io/b, kh.io/c]", "finalizers: []", "finalizers",
                    List.of("kh.io/a", "kh.io/c", "kh.io/b"), true),
            // [a a b] is decoded with capacity 4, so append(original, c) writes c into the same array: [a a b c].
            // De-duplication overwrites the second a with c: merged [a c b], view [a c b]. Interleaving server-only
            // a, b with c by the view: a (0) before c (1), b (2) not before c. The local API server answers
            // [c a b] here: its own copy of the object has no spare capacity, so c goes to a new array and is
            // missing from the view. Kanister's merges are of JSON documents, decoded as here.
            new Case("a value appended in place can be moved into the view by de-duplication", Document.OBJECT_META,
                    "finalizers: [kh.io/a, kh.io/a, kh.io/b]", "finalizers: [kh.io/c]", "finalizers",
                    List.of("kh.io/a", "kh.io/c", "kh.io/b"), false),
            // mergePatchIntoOriginal orders before the main loop applies the deletion list. Merge: [a b c d] (d is
            // missing from mergeSlice's original, so its own order is [d a b c]); $setElementOrder [b d] takes b and
            // d as patch elements, a and c as server-only: a before b (0 < 1); c not before b; c before d? d is
            // missing from the view, so d goes first: [a b d c]. Then b is deleted: [a d c]. Deleting first would
            // have given [d a c].
            new Case("$setElementOrder is applied before $deleteFromPrimitiveList", Document.OBJECT_META,
                    "finalizers: [kh.io/a, kh.io/b, kh.io/c]", """
                    $setElementOrder/finalizers: [kh.io/b, kh.io/d]
                    finalizers: [kh.io/d]
                    $deleteFromPrimitiveList/finalizers: [kh.io/b]
                    """, "finalizers", List.of("kh.io/a", "kh.io/d", "kh.io/c"), true));
}

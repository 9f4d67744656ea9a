// Command kanisterbench renders the template conformance corpus (format: shared/spec/go-templates.md section 3)
// in-process with Go's text/template and the sprig found on GOPATH, the way Kanister's call sites do, and measures
// cases per second. It is the Go anchor for the Java benchmark in src/bench/TemplateBench.java.
//
// Modes "render" and "waitv2" are rendered. Modes "wait" and "jsonpath" need k8s.io/client-go's jsonpath package,
// which Debian does not package, so they are skipped (and reported as skipped).
//
// Build and run offline (see src/bench/README.md):
//
//	GOPATH=$PWD/src/bench/go:/usr/share/gocode GO111MODULE=off go run kanisterbench -corpus corpus.json
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/Masterminds/sprig"

	"kanisterbench/param"
)

type corpusCase struct {
	ID         string          `json:"id"`
	Mode       string          `json:"mode"`
	Template   string          `json:"template"`
	Condition  string          `json:"condition"`
	Data       json.RawMessage `json:"data"`
	Object     json.RawMessage `json:"object"`
	DataMode   string          `json:"dataMode"`
	Numbers    string          `json:"numbers"`
	MissingKey string          `json:"missingkey"`
	Funcs      string          `json:"funcs"`
	TZ         string          `json:"tz"`
}

// prepared is a case with its data decoded once, so that the timed loop measures template work only (as the Java
// benchmark does).
type prepared struct {
	c      corpusCase
	data   interface{}
	loc    *time.Location
	parsed *template.Template // with -cache: parsed once, executed in every pass
}

type result struct {
	ID     string `json:"id"`
	Output string `json:"output"`
	Error  string `json:"error"`
	Result *bool  `json:"result,omitempty"`
}

func main() {
	corpusPath := flag.String("corpus", "", "corpus.json")
	iterations := flag.Int("iterations", 50, "timed passes over the corpus")
	warmup := flag.Int("warmup", 5, "untimed passes before timing")
	resultsPath := flag.String("results", "", "write one pass's results here, in compare.py's format")
	slowest := flag.Int("slowest", 0, "list the N slowest cases (time per render, after warm-up)")
	exclude := flag.String("exclude", "", "comma-separated case ids to leave out (e.g. key generation cases)")
	cache := flag.Bool("cache", false, "parse each case once and only execute in the timed passes")
	flag.Parse()

	cases, skipped, err := load(*corpusPath, strings.Split(*exclude, ","))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	funcs := ksprigFuncs()
	kubectl := kubectlFuncs()
	if *cache {
		parseOnce(cases, funcs, kubectl)
	}

	var results []result
	for i := 0; i < *warmup; i++ {
		results = renderAll(cases, funcs, kubectl)
	}
	start := time.Now()
	for i := 0; i < *iterations; i++ {
		renderAll(cases, funcs, kubectl)
	}
	elapsed := time.Since(start)
	rendered := len(cases) * *iterations
	fmt.Printf("go %s%s: %d cases (%d skipped: wait/jsonpath/excluded) x %d iterations in %.3f s = %.0f cases/s\n",
		strings.TrimPrefix(runtimeVersion(), "go"), map[bool]string{true: ", parse cache"}[*cache], len(cases), skipped,
		*iterations, elapsed.Seconds(),
		float64(rendered)/elapsed.Seconds())

	if *slowest > 0 {
		listSlowest(cases, funcs, kubectl, *slowest)
	}
	if *resultsPath != "" {
		if results == nil {
			results = renderAll(cases, funcs, kubectl)
		}
		out, _ := json.MarshalIndent(map[string]interface{}{"results": results}, "", " ")
		if err := os.WriteFile(*resultsPath, out, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func listSlowest(cases []prepared, funcs, kubectl template.FuncMap, n int) {
	type timing struct {
		id string
		d  time.Duration
	}
	var timings []timing
	for _, p := range cases {
		start := time.Now()
		renderAll([]prepared{p}, funcs, kubectl)
		timings = append(timings, timing{p.c.ID, time.Since(start)})
	}
	sort.Slice(timings, func(i, j int) bool { return timings[i].d > timings[j].d })
	for i := 0; i < n && i < len(timings); i++ {
		fmt.Printf("  %-32s %10.3f ms\n", timings[i].id, float64(timings[i].d.Microseconds())/1000)
	}
}

func load(path string, exclude []string) ([]prepared, int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	var corpus struct {
		Cases []corpusCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &corpus); err != nil {
		return nil, 0, err
	}
	var cases []prepared
	skipped := 0
	excluded := map[string]bool{}
	for _, id := range exclude {
		excluded[id] = true
	}
	for _, c := range corpus.Cases {
		if c.Mode == "wait" || c.Mode == "jsonpath" || excluded[c.ID] {
			skipped++
			continue
		}
		p := prepared{c: c, loc: time.UTC}
		if c.TZ != "" {
			if p.loc, err = time.LoadLocation(c.TZ); err != nil {
				return nil, 0, err
			}
		}
		if c.Mode == "waitv2" {
			p.data, err = decodeInt64(c.Object)
		} else {
			p.data, err = decodeData(c)
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %v", c.ID, err)
		}
		cases = append(cases, p)
	}
	return cases, skipped, nil
}

func decodeData(c corpusCase) (interface{}, error) {
	if len(c.Data) == 0 {
		return nil, nil
	}
	if c.DataMode == "tp" {
		var tp param.TemplateParams
		d := json.NewDecoder(bytes.NewReader(c.Data))
		d.UseNumber()
		if err := d.Decode(&tp); err != nil {
			return nil, err
		}
		int64Numbers(&tp)
		return tp, nil
	}
	if c.Numbers == "float64" {
		var v interface{}
		err := json.Unmarshal(c.Data, &v)
		return v, err
	}
	return decodeInt64(c.Data)
}

// decodeInt64 decodes JSON as Kubernetes' unstructured client does: integers that fit are int64, others float64.
func decodeInt64(raw json.RawMessage) (interface{}, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v interface{}
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return numbers(v), nil
}

func numbers(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, x := range t {
			t[k] = numbers(x)
		}
	case []interface{}:
		for i, x := range t {
			t[i] = numbers(x)
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	}
	return v
}

// int64Numbers fixes the interface{} maps of TemplateParams, which UseNumber left as json.Number.
func int64Numbers(tp *param.TemplateParams) {
	numbers(tp.Object)
	numbers(map[string]interface{}(tp.PodOverride))
	for _, p := range append([]*param.Phase{tp.CurrentPhase, tp.DeferPhase}, phases(tp.Phases)...) {
		if p != nil {
			numbers(p.Output)
		}
	}
}

func phases(m map[string]*param.Phase) []*param.Phase {
	var out []*param.Phase
	for _, p := range m {
		out = append(out, p)
	}
	return out
}

// parseOnce parses every case ahead of the timed passes (the -cache mode); cases that fail to parse stay unparsed.
func parseOnce(cases []prepared, funcs, kubectl template.FuncMap) {
	for i := range cases {
		t, err := newTemplate(cases[i], funcs, kubectl).Parse(source(cases[i].c))
		if err == nil {
			cases[i].parsed = t
		}
	}
}

func source(c corpusCase) string {
	if c.Mode == "waitv2" && c.Condition != "" {
		return c.Condition
	}
	return c.Template
}

// newTemplate is the template Kanister's call site creates for this case, before Parse.
func newTemplate(p prepared, funcs, kubectl template.FuncMap) *template.Template {
	if p.c.Mode == "waitv2" {
		return template.New("output").Funcs(kubectl)
	}
	missingKey := p.c.MissingKey
	if missingKey == "" {
		missingKey = "error"
	}
	t := template.New("config").Option("missingkey=" + missingKey)
	if p.c.Funcs != "builtin" {
		t = t.Funcs(funcs)
	}
	return t
}

func parse(p prepared, funcs, kubectl template.FuncMap) (*template.Template, error) {
	if p.parsed != nil {
		return p.parsed, nil
	}
	return newTemplate(p, funcs, kubectl).Parse(source(p.c))
}

func renderAll(cases []prepared, funcs, kubectl template.FuncMap) []result {
	results := make([]result, 0, len(cases))
	for _, p := range cases {
		time.Local = p.loc
		if p.c.Mode == "waitv2" {
			results = append(results, waitV2(p, kubectl))
		} else {
			results = append(results, render(p, funcs))
		}
	}
	return results
}

// render is Kanister's renderStringArg (pkg/param/render.go), with the corpus' per-case options.
func render(p prepared, funcs template.FuncMap) (r result) {
	r.ID = p.c.ID
	defer func() {
		if x := recover(); x != nil {
			r.Output, r.Error = "", fmt.Sprint(x)
		}
	}()
	t, err := parse(p, funcs, nil)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p.data); err != nil {
		r.Error = err.Error()
		return r
	}
	r.Output = buf.String()
	return r
}

// waitV2 is kubectl's go-template printer as Kanister's WaitV2 uses it: parse errors make the condition false.
func waitV2(p prepared, funcs template.FuncMap) result {
	r := result{ID: p.c.ID}
	condition := source(p.c)
	falseResult := false
	r.Result = &falseResult
	t, err := parse(p, nil, funcs)
	if err != nil {
		return r
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p.data); err != nil {
		r.Error = fmt.Sprintf("error executing template %q: %v", condition, err)
		return r
	}
	r.Output = buf.String()
	ok := strings.TrimSpace(r.Output) == "true"
	r.Result = &ok
	return r
}

// ksprigFuncs is Kanister's ksprig.TxtFuncMap(): sprig's map restricted to the names sprig v2.22 has, with Kanister's
// two FIPS replacements. The sprig on GOPATH may be newer than v2.22 (Debian ships v3): see src/bench/README.md.
func ksprigFuncs() template.FuncMap {
	all := sprig.TxtFuncMap()
	funcs := template.FuncMap{}
	for _, name := range sprigV222Names {
		if f, ok := all[name]; ok {
			funcs[name] = f
		}
	}
	funcs["derivePassword"] = func(uint32, string, string, string, string) (string, error) {
		return "", errors.New("sprig usage of 'derivePassword' is not allowed by kanister as it is not FIPS compatible")
	}
	genPrivateKey := all["genPrivateKey"].(func(string) string)
	funcs["genPrivateKey"] = func(typ string) (string, error) {
		switch typ {
		case "rsa", "ecdsa", "ed25519":
			return genPrivateKey(typ), nil
		}
		return "", fmt.Errorf("sprig usage of 'genPrivateKey for %s' is not allowed by kanister as it is not FIPS compatible", typ)
	}
	return funcs
}

// kubectlFuncs are the two functions kubectl's go-template printer adds to the builtins.
func kubectlFuncs() template.FuncMap {
	return template.FuncMap{
		"exists": exists,
		"base64decode": func(v string) (string, error) {
			data, err := base64.StdEncoding.DecodeString(v)
			if err != nil {
				return "", fmt.Errorf("base64 decode failed: %v", err)
			}
			return string(data), nil
		},
	}
}

// exists reports whether index would succeed on item with these indices (kubectl's semantics).
func exists(item interface{}, indices ...interface{}) bool {
	v := reflect.ValueOf(item)
	for _, i := range indices {
		var isNil bool
		if v, isNil = indirect(v); isNil {
			return false
		}
		index := reflect.ValueOf(i)
		switch v.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch index.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				x = index.Int()
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				x = int64(index.Uint())
			default:
				return false
			}
			if x < 0 || x >= int64(v.Len()) {
				return false
			}
			v = v.Index(int(x))
		case reflect.Map:
			if !index.IsValid() {
				index = reflect.Zero(v.Type().Key())
			}
			if !index.Type().AssignableTo(v.Type().Key()) {
				return false
			}
			if x := v.MapIndex(index); x.IsValid() {
				v = x
			} else {
				v = reflect.Zero(v.Type().Elem())
			}
		default:
			return false
		}
	}
	_, isNil := indirect(v)
	return !isNil
}

func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

package pdfscan

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/pdfscan/pdftest"
)

// sample builds a small document: a catalog (1), pages (2), a name tree
// (3), a file specification (4), its embedded file (5) and an info
// dictionary (6).
func sample(b *pdftest.Builder) *pdftest.Builder {
	b.Root = 1
	b.Set(1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>")
	b.Set(2, "<< /Type /Pages /Kids [] /Count 0 >>")
	b.Set(3, "<< /Names [(a.xml) 4 0 R] >>")
	b.Set(4, "<< /Type /Filespec /F (a.xml) /EF << /F 5 0 R >> >>")
	b.Set(5, pdftest.Stream("/Type /EmbeddedFile /Filter /FlateDecode", pdftest.Deflate([]byte("<x>hello</x>"))))
	b.Set(6, "<< /Title (t) >>")
	b.Trailer = "/Info 6 0 R"
	return b
}

// checkSample reads the sample's embedded file through the catalog.
func checkSample(t *testing.T, data []byte, wantRepaired bool) *Reader {
	t.Helper()
	r, err := Open(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Repaired() != wantRepaired {
		t.Errorf("Repaired() = %v, want %v (xref error: %v)", r.Repaired(), wantRepaired, r.XrefError())
	}
	cat := r.Catalog()
	if cat == nil {
		t.Fatal("no catalog")
	}
	tree := r.Dict(r.Dict(cat.Get("Names")).Get("EmbeddedFiles"))
	names := r.Array(tree.Get("Names"))
	if len(names) != 2 {
		t.Fatalf("name tree: %v", tree)
	}
	fs := r.Dict(names[1])
	o, err := r.Resolve(r.Dict(fs.Get("EF")).Get("F"))
	if err != nil {
		t.Fatal(err)
	}
	s, ok := o.(*Stream)
	if !ok {
		t.Fatalf("embedded file is a %T", o)
	}
	got, err := r.Decode(s, 0)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "<x>hello</x>" {
		t.Errorf("embedded file = %q", got)
	}
	if title, _ := r.Dict(r.Trailer().Get("Info")).Get("Title").(String); string(title) != "t" && bytes.Contains(data, []byte("/Info 6 0 R")) {
		t.Errorf("trailer /Info not readable: %v", r.Trailer())
	}
	return r
}

func TestOpenClassic(t *testing.T) {
	checkSample(t, sample(&pdftest.Builder{}).Bytes(), false)
}

func TestOpenXRefStream(t *testing.T) {
	checkSample(t, sample(&pdftest.Builder{XRefStream: true}).Bytes(), false)
}

func TestOpenObjectStream(t *testing.T) {
	r := checkSample(t, sample(&pdftest.Builder{ObjStm: []int{1, 2, 3, 4, 6}}).Bytes(), false)
	if e := r.index[4]; e.kind != kindCompressed {
		t.Errorf("object 4 is not read from the object stream: %+v", e)
	}
}

func TestOpenHybrid(t *testing.T) {
	// A classic section with no entries whose /XRefStm holds them all.
	base := sample(&pdftest.Builder{ObjStm: []int{1, 2, 3, 4, 6}}).Bytes()
	x := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(base)
	base = base[:bytes.LastIndex(base, []byte("startxref"))]
	at := len(base)
	data := fmt.Appendf(base, "xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 9 /Root 1 0 R /Info 6 0 R /XRefStm %s >>\nstartxref\n%d\n%%%%EOF\n", x[1], at)
	checkSample(t, data, false)
}

func TestIncrementalUpdate(t *testing.T) {
	for _, xs := range []bool{false, true} {
		base := sample(&pdftest.Builder{XRefStream: xs}).Bytes()
		upd := &pdftest.Builder{Root: 1, XRefStream: xs, MinSize: 9, Trailer: "/Info 6 0 R"}
		upd.Set(5, pdftest.Stream("/Type /EmbeddedFile", []byte("<x>new</x>")))
		data := upd.Update(base)
		r, err := Open(data, nil)
		if err != nil {
			t.Fatal(err)
		}
		o, _ := r.Object(5)
		s, _ := o.(*Stream)
		if s == nil || string(s.Raw) != "<x>new</x>" {
			t.Errorf("xref stream %v: object 5 = %v, want the update's", xs, o)
		}
		if r.Repaired() {
			t.Errorf("xref stream %v: repaired: %v", xs, r.XrefError())
		}
		if r.Dict(r.Trailer().Get("Root")) == nil {
			t.Error("no /Root")
		}
	}
}

func TestPrevLoop(t *testing.T) {
	data := sample(&pdftest.Builder{}).Bytes()
	at := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(data)[1]
	data = bytes.Replace(data, []byte("trailer\n<<"), []byte("trailer\n<< /Prev "+string(at)), 1)
	checkSample(t, data, false)
}

func TestXrefOffByOne(t *testing.T) {
	// A table that starts at 1 with object 0's free entry.
	data := sample(&pdftest.Builder{}).Bytes()
	data = bytes.Replace(data, []byte("xref\n0 1\n0000000000 65535 f\r\n1 6\n"), []byte("xref\n1 7\n0000000000 65535 f\r\n"), 1)
	if !bytes.Contains(data, []byte("xref\n1 7\n")) {
		t.Fatal("surgery failed")
	}
	checkSample(t, data, false)
}

func TestRepair(t *testing.T) {
	classic := sample(&pdftest.Builder{}).Bytes()
	stream := sample(&pdftest.Builder{ObjStm: []int{1, 2, 3, 4, 6}}).Bytes()
	brokenStartxref := func(b []byte) []byte {
		return regexp.MustCompile(`startxref\n\d+`).ReplaceAll(bytes.Clone(b), []byte("startxref\n999999"))
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"shifted offsets", bytes.Replace(classic, []byte("\n1 0 obj"), []byte("\n\n\n\n\n1 0 obj"), 1)},
		{"startxref beyond the file", brokenStartxref(classic)},
		{"no startxref", classic[:bytes.LastIndex(classic, []byte("startxref"))]},
		{"no xref at all", classic[:bytes.Index(classic, []byte("xref\n"))]},
		{"no xref, trailer kept", append(bytes.Clone(classic[:bytes.Index(classic, []byte("xref\n"))]), classic[bytes.Index(classic, []byte("trailer")):]...)},
		{"xref stream, startxref broken", brokenStartxref(stream)},
		{"xref stream, offsets shifted", bytes.Replace(stream, []byte("\n5 0 obj"), []byte("\n  \n5 0 obj"), 1)},
		{"entries garbled", bytes.Replace(classic, []byte(" 00000 n\r\n"), []byte(" 0000x n\r\n"), 1)},
		{"trailer without /Root", bytes.Replace(classic, []byte("/Root 1 0 R"), []byte("/Rooo 1 0 R"), 1)},
		{"endobj spacing", bytes.ReplaceAll(bytes.Replace(classic, []byte("\n1 0 obj"), []byte("\n 1 0 obj"), 1), []byte("\nendobj\n"), []byte("endobj "))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSample(t, tt.data, true)
		})
	}
}

func TestJunkBeforeHeader(t *testing.T) {
	// Offsets counted from "%PDF-", not from the start of the file.
	data := append([]byte("junk junk\n"), sample(&pdftest.Builder{}).Bytes()...)
	checkSample(t, data, false)
	// Offsets counted from the start of the file.
	b := sample(&pdftest.Builder{Header: "junk junk\n" + pdftest.Header})
	checkSample(t, b.Bytes(), false)
}

func TestStreamLength(t *testing.T) {
	const body = "0123456789abcdef"
	tests := []struct {
		name, dict string
		extra      map[int]string
	}{
		{"right", "/Length 16", nil},
		{"too long", "/Length 30", nil},
		{"too short", "/Length 3", nil},
		{"beyond the file", "/Length 99999999", nil},
		{"negative", "/Length -5", nil},
		{"missing", "", nil},
		{"indirect", "/Length 3 0 R", map[int]string{3: "16"}},
		{"indirect, wrong", "/Length 3 0 R", map[int]string{3: "15"}},
		{"indirect, missing", "/Length 9 0 R", nil},
		{"indirect, to itself", "/Length 2 0 R", nil},
		{"indirect, loop", "/Length 3 0 R", map[int]string{3: "4 0 R", 4: "3 0 R"}},
		{"real", "/Length 16.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdftest.Builder{Root: 1}
			b.Set(1, "<< /Type /Catalog >>")
			b.Set(2, "<< "+tt.dict+" >>\nstream\r\n"+body+"\r\nendstream")
			for n, s := range tt.extra {
				b.Set(n, s)
			}
			r, err := Open(b.Bytes(), nil)
			if err != nil {
				t.Fatal(err)
			}
			o, err := r.Object(2)
			if err != nil {
				t.Fatal(err)
			}
			s := o.(*Stream)
			if string(s.Raw) != body {
				t.Errorf("data = %q, want %q", s.Raw, body)
			}
		})
	}
}

func TestReferenceLoops(t *testing.T) {
	b := &pdftest.Builder{Root: 1}
	b.Set(1, "<< /Type /Catalog /A 2 0 R /Self 1 0 R >>")
	b.Set(2, "3 0 R")
	b.Set(3, "2 0 R")
	r, err := Open(b.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Resolve(r.Catalog().Get("A"))
	if !errors.Is(err, ErrLoop) {
		t.Errorf("2 -> 3 -> 2: error %v, want ErrLoop", err)
	}
	if r.Dict(r.Catalog().Get("Self")) == nil {
		t.Error("a reference to an object already read must resolve")
	}
	if _, err := r.Object(77); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing object: %v, want ErrNotFound", err)
	}
}

func TestObjectStreamLoop(t *testing.T) {
	// Object 5 claims to live in object stream 5.
	b := &pdftest.Builder{Root: 1, ObjStm: []int{1}}
	b.Set(1, "<< /Type /Catalog /X 5 0 R >>")
	data := b.Bytes()
	r, err := Open(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.index[5] = entry{kind: kindCompressed, off: 5}
	r.index[6] = entry{kind: kindCompressed, off: 2, idx: 0} // stream 2 holds object 1, not 6
	r.rebuilt = true                                         // no second chance
	if _, err := r.Object(5); err == nil {
		t.Error("object stream loop: no error")
	}
	if _, err := r.Object(6); !errors.Is(err, ErrNotFound) {
		t.Errorf("object not in its object stream: %v", err)
	}
}

func TestEncrypted(t *testing.T) {
	b := sample(&pdftest.Builder{})
	b.Set(7, "<< /Filter /Standard /V 2 >>")
	b.Trailer += " /Encrypt 7 0 R"
	r, err := Open(b.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Encrypted() {
		t.Error("Encrypted() = false")
	}
	r, _ = Open(sample(&pdftest.Builder{}).Bytes(), nil)
	if r.Encrypted() {
		t.Error("Encrypted() = true")
	}
}

func TestNotPDF(t *testing.T) {
	for _, in := range []string{"", "hello", "<?xml version='1.0'?><a/>", strings.Repeat(" ", 1024) + "%PDF-1.7"} {
		if _, err := Open([]byte(in), nil); !errors.Is(err, ErrNotPDF) {
			t.Errorf("Open(%.20q): %v, want ErrNotPDF", in, err)
		}
	}
	// A header alone is a PDF, with nothing in it.
	r, err := Open([]byte("%PDF-1.4\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Catalog() != nil || len(r.Objects()) != 0 {
		t.Error("objects in an empty file")
	}
}

func TestObjects(t *testing.T) {
	b := sample(&pdftest.Builder{})
	r, _ := Open(b.Bytes(), nil)
	if got := r.Objects(); !reflect.DeepEqual(got, []int{1, 2, 3, 4, 5, 6}) {
		t.Errorf("Objects() = %v", got)
	}
	r, _ = Open(sample(&pdftest.Builder{ObjStm: []int{6, 1}}).Bytes(), nil)
	// 2..5 come first, then the object stream's objects (at its position),
	// then the object stream 7 itself and the xref stream 8 after it.
	if got := r.Objects(); !reflect.DeepEqual(got, []int{2, 3, 4, 5, 1, 6, 7, 8}) {
		t.Errorf("Objects() = %v", got)
	}
}

func TestBudget(t *testing.T) {
	b := &pdftest.Builder{Root: 1}
	b.Set(1, "<< /Type /Catalog >>")
	b.Set(2, pdftest.Stream("/Filter /FlateDecode", pdftest.Deflate(make([]byte, 5000))))
	r, err := Open(b.Bytes(), &Options{MaxDecoded: 8000})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := r.Object(2)
	if _, err := r.Decode(o.(*Stream), 0); err != nil {
		t.Fatal(err)
	}
	if r.Budget() != 3000 {
		t.Errorf("budget %d, want 3000", r.Budget())
	}
	if _, err := r.Decode(o.(*Stream), 0); !errors.Is(err, ErrLimit) {
		t.Errorf("second decode beyond the budget: %v, want ErrLimit", err)
	}
	r, _ = Open(b.Bytes(), nil)
	_, err = r.Decode(o.(*Stream), 4999)
	var e *Error
	if !errors.Is(err, ErrLimit) || !errors.As(err, &e) || e.Num != 2 {
		t.Errorf("decode beyond the limit: %v, want ErrLimit at object 2", err)
	}
}

// FuzzReader: opening a file, reading every object and decoding every
// stream never panics, and stays within the budget.
func FuzzReader(f *testing.F) {
	f.Add(sample(&pdftest.Builder{}).Bytes())
	f.Add(sample(&pdftest.Builder{ObjStm: []int{1, 2, 3, 4, 6}}).Bytes())
	f.Add(sample(&pdftest.Builder{XRefStream: true}).Bytes())
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj trailer << /Root 1 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Open(data, &Options{MaxDecoded: 1 << 20})
		if err != nil {
			if !errors.Is(err, ErrNotPDF) {
				t.Fatalf("Open: %v", err)
			}
			return
		}
		r.Catalog()
		r.Encrypted()
		for _, n := range r.Objects() {
			o, err := r.Object(n)
			if err != nil {
				continue
			}
			if s, ok := o.(*Stream); ok {
				r.Decode(s, 0)
			}
		}
		if r.Budget() < 0 {
			t.Fatalf("budget %d", r.Budget())
		}
	})
}

func TestLimits(t *testing.T) {
	// The parse budget: once spent, objects fail with ErrLimit.
	r, _ := Open(sample(&pdftest.Builder{}).Bytes(), nil)
	r.parseBudget = 0
	if _, err := r.Object(3); !errors.Is(err, ErrLimit) {
		t.Errorf("parse budget spent: %v, want ErrLimit", err)
	}
	// An unterminated string is charged to the end of the file.
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&b, "%d 0 obj\n(((\n", i)
	}
	r, _ = Open(b.Bytes(), nil)
	r.parseBudget = 1 << 30
	p := parser{b: r.data, pos: 17} // at "((("
	if _, err := r.parse(&p); err == nil {
		t.Fatal("no error")
	}
	if spent := 1<<30 - r.parseBudget; spent != int64(b.Len()-17) {
		t.Errorf("an unterminated string charged %d bytes of %d", spent, b.Len()-17)
	}
	// Opening it, which looks for a catalog in every object, costs less
	// than the budget, with an object index all the same.
	r, _ = Open(b.Bytes(), nil)
	if len(r.index) != 2000 {
		t.Errorf("%d objects indexed", len(r.index))
	}
	// The index: no more entries than maxEntries, whatever the
	// cross-reference stream declares.
	c := &pdftest.Builder{Root: 1}
	c.Set(1, "<< /Type /Catalog >>")
	data := c.Bytes()
	data = data[:bytes.LastIndex(data, []byte("startxref"))]
	at := len(data)
	data = fmt.Appendf(data, "2 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n",
		pdftest.Stream("/Type /XRef /Root 1 0 R /W [1 0 0] /Index [0 1000000000] /Filter /FlateDecode", pdftest.Bomb(12)), at)
	r, _ = Open(data, nil)
	if len(r.index) != r.maxEntries || r.maxEntries > 4*len(data)+1<<16 {
		t.Errorf("index of %d entries, limit %d, file of %d bytes", len(r.index), r.maxEntries, len(data))
	}
}

func TestNextEnd(t *testing.T) {
	r, _ := Open([]byte("%PDF-1.7\nendobj endstream endobj xx endstream"), nil)
	for _, tt := range []struct{ start, want int }{{0, 16}, {16, 16}, {17, 36}, {37, -1}} {
		if got := r.nextEnd(tt.start); got != tt.want {
			t.Errorf("nextEnd(%d) = %d, want %d", tt.start, got, tt.want)
		}
	}
	r, _ = Open([]byte("%PDF-1.7\nendobj endobj"), nil)
	if got := r.nextEnd(10); got != 16 {
		t.Errorf("nextEnd without endstream = %d, want the next endobj 16", got)
	}
}

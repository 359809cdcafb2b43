package facturx

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/pdfscan"
	"github.com/einvoice-go/einvoice/internal/pdfscan/pdftest"
)

// FuzzExtract: Extract never panics (its last-resort recover would show as
// an "internal error"), and either fails with a "facturx: " error and no
// result, or returns non-empty XML under an invoice name. Seeds: the PDF
// corpus when present, small crafted files, and testdata/extract.
func FuzzExtract(f *testing.F) {
	// The corpus files, slimmed: the fuzzer minimizes every new input for up
	// to a minute, which on files of 100 KB and more is all it would do.
	filepath.WalkDir(corpusDir(), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".pdf" {
			if data, err := os.ReadFile(p); err == nil {
				if slim := slimPDF(data); slim != nil && len(slim) <= 32<<10 {
					f.Add(slim)
				}
			}
		}
		return nil
	})
	seeds, _ := filepath.Glob(filepath.Join("testdata", "extract", "*.pdf"))
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	xml := []byte(`<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>`)
	for _, compress := range []bool{false, true} {
		b := fxBuilder(xml, compress)
		f.Add(b.Bytes())
		b.ObjStm = []int{1, 2, 3, 4, 5}
		f.Add(b.Bytes())
		u := &pdftest.Builder{Root: 1, MinSize: 9, XRefStream: compress}
		u.Set(6, embeddedFile([]byte("<x/>"), compress))
		f.Add(u.Update(b.Bytes()))
	}
	b := fxBuilder(xml, true)
	b.Set(4, "<< /Kids [8 0 R 4 0 R] >>")
	b.Set(8, "<< /Names [(a) 9 0 R (factur-x.xml) 5 0 R] >>")
	b.Set(9, "<< /F (ZUGFeRD-invoice.xml) /EF << /F 10 0 R >> >>")
	b.Set(10, pdftest.Stream("/Filter [/AHx /LZW /RL] /DecodeParms [null << /EarlyChange 0 >>]", []byte("80 0b 60 50 >")))
	f.Add(b.Bytes())
	f.Add(regexp.MustCompile(`startxref\n\d+`).ReplaceAll(b.Bytes(), []byte("startxref\n7")))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer << /Root 1 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		x, err := Extract(data)
		if !bytes.Equal(in, data) {
			t.Fatal("Extract modified its input")
		}
		if err != nil {
			if x != nil {
				t.Fatalf("a result with the error %v", err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "facturx: ") || strings.Contains(msg, "internal error") {
				t.Fatalf("error %q", msg)
			}
			return
		}
		if len(x.XML) == 0 {
			t.Fatal("no error and no XML")
		}
		if _, rk := rank(x.Name); rk < 0 {
			t.Fatalf("attachment name %q", x.Name)
		}
		if len(x.XML) > extractMaxXML {
			t.Fatalf("%d bytes of XML", len(x.XML))
		}
	})
}

// slimPDF rewrites a PDF with every object as it reads, but the data of
// streams other than embedded files, metadata and object streams emptied
// (page contents, fonts, images); nil when it cannot be read.
func slimPDF(data []byte) []byte {
	r, err := pdfscan.Open(data, nil)
	if err != nil || r.Repaired() {
		return nil
	}
	b := &pdftest.Builder{}
	if ref, ok := r.Trailer().Get("Root").(pdfscan.Ref); ok {
		b.Root = ref.Num
	}
	if ref, ok := r.Trailer().Get("Info").(pdfscan.Ref); ok {
		b.Trailer = fmt.Sprintf("/Info %d 0 R", ref.Num)
	}
	for _, n := range r.Objects() {
		o, err := r.Object(n)
		if err != nil {
			return nil
		}
		var buf bytes.Buffer
		if s, ok := o.(*pdfscan.Stream); ok {
			switch t, _ := s.Dict.Get("Type").(pdfscan.Name); t {
			case "XRef", "ObjStm":
				continue // the Builder writes its own
			case "EmbeddedFile", "Metadata":
				d := slices.DeleteFunc(slices.Clone(s.Dict), func(kv pdfscan.KeyValue) bool { return kv.Key == "Length" })
				writeObject(&buf, d, 0)
				b.Set(n, pdftest.Stream(strings.TrimSuffix(strings.TrimPrefix(buf.String(), "<<"), ">>"), s.Raw))
			default:
				b.Set(n, pdftest.Stream("", nil))
			}
			continue
		}
		writeObject(&buf, o, 0)
		b.Set(n, buf.String())
	}
	return b.Bytes()
}

// writeObject writes o in PDF syntax.
func writeObject(w *bytes.Buffer, o pdfscan.Object, depth int) {
	if depth > pdfscan.MaxDepth {
		w.WriteString("null")
		return
	}
	switch o := o.(type) {
	case nil:
		w.WriteString("null")
	case bool:
		fmt.Fprint(w, o)
	case int64:
		fmt.Fprint(w, o)
	case float64:
		w.WriteString(strconv.FormatFloat(o, 'f', -1, 64))
	case pdfscan.String:
		fmt.Fprintf(w, "<%x>", []byte(o))
	case pdfscan.Name:
		w.WriteByte('/')
		for _, c := range []byte(o) {
			if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>[]{}/%#", c) >= 0 {
				fmt.Fprintf(w, "#%02x", c)
			} else {
				w.WriteByte(c)
			}
		}
	case pdfscan.Ref:
		fmt.Fprintf(w, "%d %d R", o.Num, o.Gen)
	case pdfscan.Array:
		w.WriteByte('[')
		for _, v := range o {
			writeObject(w, v, depth+1)
			w.WriteByte(' ')
		}
		w.WriteByte(']')
	case pdfscan.Dict:
		w.WriteString("<<")
		for _, kv := range o {
			writeObject(w, kv.Key, depth+1)
			w.WriteByte(' ')
			writeObject(w, kv.Value, depth+1)
			w.WriteByte(' ')
		}
		w.WriteString(">>")
	}
}

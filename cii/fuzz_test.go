package cii

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/fixtures"
)

// FuzzDecode: the decoder never panics; it fails with ErrFormat or a
// located *einvoice.DecodeError; what it accepts marshals to JSON; strict
// mode fails exactly where the default mode lists something in Ignored.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "malformed", "*.xml"))
	dir := conformance.Dir()
	for _, pattern := range []string{"examples/cii/*.xml", "examples/facturx/*/*.xml"} {
		more, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
		seeds = append(seeds, more...)
	}
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(genInvoice(1))
	f.Add(benchInvoice(2))
	// The EXTENDED terms: parties, line hierarchy, references, deliveries
	// and totals, attribute codes and measures.
	for _, name := range []string{"extended-fr-parties", "extended-sub-lines"} {
		fx, ok := fixtures.ByName(name)
		if !ok {
			f.Fatalf("no fixture %s", name)
		}
		var b bytes.Buffer
		if _, err := (&Encoder{Profile: Extended}).Encode(&b, &fx.Invoice); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	for _, c := range ignoredCases {
		f.Add([]byte(strings.Replace(string(genInvoice(1)), c.old, c.new, 1)))
	}
	f.Add([]byte(`<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(bytes.NewReader(data))
		strictDoc, strictErr := (&Decoder{Strict: true}).Decode(bytes.NewReader(data))
		if err != nil {
			checkError(t, err)
			if strictErr == nil || strictErr.Error() != err.Error() {
				t.Fatalf("strict mode: got %v, want the same error %v", strictErr, err)
			}
			return
		}
		if _, err := json.Marshal(doc.Invoice); err != nil {
			t.Fatalf("a decoded invoice does not marshal: %v", err)
		}
		// The syntax rules run on what decodes: issues located, or a
		// located error (a document too costly for them).
		if ruled, err := (&Decoder{SyntaxRules: true, ProfileRules: true, RulesProfile: Extended}).Decode(bytes.NewReader(data)); err != nil {
			checkError(t, err)
		} else {
			for _, is := range ruled.Issues {
				if is.Line < 1 || !strings.HasPrefix(is.Path, "/rsm:CrossIndustryInvoice") || is.Msg == "" {
					t.Fatalf("malformed syntax issue %+v", is)
				}
			}
		}
		for _, ig := range doc.Ignored {
			if ig.Line < 1 || !strings.HasPrefix(ig.Path, "/rsm:CrossIndustryInvoice") || ig.Reason == "" {
				t.Fatalf("malformed Ignored entry %+v", ig)
			}
		}
		if len(doc.Ignored) == 0 {
			if strictErr != nil || len(strictDoc.Ignored) != 0 {
				t.Fatalf("strict mode: got %v, want success", strictErr)
			}
			return
		}
		var de *einvoice.DecodeError
		if !errors.As(strictErr, &de) || de.Path != doc.Ignored[0].Path || de.Line != doc.Ignored[0].Line {
			t.Fatalf("strict mode: got %v, want an error at %s", strictErr, doc.Ignored[0])
		}
	})
}

func checkError(t *testing.T, err error) {
	t.Helper()
	var de *einvoice.DecodeError
	switch {
	case errors.Is(err, ErrFormat):
		if errors.As(err, &de) {
			t.Fatalf("ErrFormat and a DecodeError: %v", err)
		}
	case errors.As(err, &de):
		if de.Line < 1 || de.Column < 1 || de.Format != "cii" || de.Msg == "" {
			t.Fatalf("DecodeError without a location: %+v", de)
		}
		if de.Path != "" && !strings.HasPrefix(de.Path, "/rsm:CrossIndustryInvoice") {
			t.Fatalf("DecodeError path %q", de.Path)
		}
	default:
		t.Fatalf("unexpected error %T: %v", err, err)
	}
}

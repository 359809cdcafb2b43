package einvoice_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/modeltest"
)

var update = flag.Bool("update", false, "rewrite the JSON examples in testdata/json from the Go invoices")

// jsonExamples are the invoices written to testdata/json with -update.
func jsonExamples(t *testing.T) map[string]einvoice.Invoice {
	t.Helper()
	full := fullInvoice()
	credit := fullInvoice()
	credit.Number, credit.TypeCode = "AV-2026-0007", einvoice.CreditNote
	credit.Payment.Card, credit.Payment.DirectDebit = nil, nil
	credit.Totals.Paid, credit.Totals.Rounding = nil, nil
	out := map[string]einvoice.Invoice{"full.json": full, "credit-note.json": credit, "minimal.json": minimalInvoice()}
	for name, inv := range out {
		if err := inv.Complete(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = inv
	}
	return out
}

func minimalInvoice() einvoice.Invoice {
	full := fullInvoice()
	return einvoice.Invoice{
		Number: "F-2026-0042", IssueDate: full.IssueDate, TypeCode: einvoice.CommercialInvoice, Currency: einvoice.CurrencyEUR,
		Seller: einvoice.Seller{Name: "Atelier Dupont", Address: einvoice.Address{Country: einvoice.CountryFR}},
		Buyer:  einvoice.Buyer{Name: "Mairie de Lyon", Address: einvoice.Address{Country: einvoice.CountryFR}},
		Lines: []einvoice.Line{{
			ID: "1", Quantity: dec("3"), Unit: einvoice.UnitC62, Price: einvoice.Price{Net: dec("9.995")},
			VAT: einvoice.VAT{Category: einvoice.VATStandard, Rate: decp("20")}, Item: einvoice.Item{Name: "Ramette de papier"},
		}},
	}
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestJSONExamples checks the documented examples in testdata/json: each
// decodes, re-encodes to the same bytes, and is already complete (Complete
// changes nothing, so its figures are the calculation's).
func TestJSONExamples(t *testing.T) {
	examples := jsonExamples(t)
	if *update {
		for name, inv := range examples {
			if err := os.WriteFile(filepath.Join("testdata", "json", name), marshal(t, inv), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "json", "*.json"))
	if len(files) < len(examples) {
		t.Fatalf("found %d files in testdata/json, want at least %d (run go test -update)", len(files), len(examples))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			inv, err := einvoice.DecodeJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if got := marshal(t, inv); !bytes.Equal(got, data) {
				t.Errorf("re-encoding changed the file:\n%s", got)
			}
			if want, ok := examples[filepath.Base(file)]; ok {
				if d := modeltest.Diff(want, *inv); d != nil {
					t.Errorf("file differs from the Go invoice (run go test -update):\n%s", strings.Join(d, "\n"))
				}
			}
			completed := *inv
			if err := completed.Complete(); err != nil {
				t.Fatal(err)
			}
			if d := modeltest.Diff(*inv, completed); d != nil {
				t.Errorf("the example's figures are not the calculation's:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

// TestJSONRoundTrip: model -> JSON -> model is equal, decimals keeping their
// precision, for completed and raw invoices.
func TestJSONRoundTrip(t *testing.T) {
	invoices := jsonExamples(t)
	invoices["raw full"] = fullInvoice()
	invoices["zero"] = einvoice.Invoice{}
	for name, inv := range invoices {
		t.Run(name, func(t *testing.T) {
			data, err := json.Marshal(inv)
			if err != nil {
				t.Fatal(err)
			}
			var back einvoice.Invoice
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			if d := modeltest.Diff(inv, back); d != nil {
				t.Errorf("round trip differs:\n%s", strings.Join(d, "\n"))
			}
			again, _ := json.Marshal(back)
			if !bytes.Equal(data, again) {
				t.Errorf("second encoding differs:\n%s\n%s", data, again)
			}
		})
	}
}

func TestJSONKeepsPrecision(t *testing.T) {
	inv := minimalInvoice()
	inv.Lines[0].Price.Net = dec("12.3000")
	inv.Lines[0].Quantity = dec("1.5")
	if err := inv.Complete(); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(inv)
	for _, want := range []string{`"net":"12.3000"`, `"quantity":"1.5"`, `"netAmount":"18.45"`, `"rate":"20"`, `"lineNet":"18.45"`, `"vat":"3.69"`, `"issueDate":"2026-11-25"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("JSON lacks %s:\n%s", want, data)
		}
	}
	var back einvoice.Invoice
	if err := json.Unmarshal([]byte(`{"number":"1","lines":[{"id":"1","quantity":2.50,"unit":"C62","netAmount":"0","price":{"net":"1"},"vat":{"category":"S","rate":"20"},"item":{"name":"x"}}]}`), &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Lines[0].Quantity.StringFixed(2); got != "2.50" || back.Lines[0].Quantity.Exponent() != -2 {
		t.Errorf("a JSON number lost its precision: %s", got)
	}
}

// TestJSONErrors: malformed input gives a *DecodeError with the JSON path
// and the line of the problem.
func TestJSONErrors(t *testing.T) {
	cases := []struct {
		name, in, path string
		line           int
	}{
		{"bad amount", "{\"number\": \"1\",\n \"lines\": [{\"id\": \"1\"},\n {\"price\": {\"net\": \"1,50\"}}]}", "lines[1].price.net", 3},
		{"amount with exponent", `{"totals": {"paid": "1e3"}}`, "totals.paid", 1},
		{"amount as number with exponent", `{"totals": {"paid": 1E3}}`, "totals.paid", 1},
		{"amount as boolean", `{"totals": {"paid": true}}`, "totals.paid", 1},
		{"empty amount", `{"totals": {"due": ""}}`, "totals.due", 1},
		{"bad date", "{\n\"issueDate\": \"2026-02-30\"}", "issueDate", 2},
		{"date in other form", `{"issueDate": "25/11/2026"}`, "issueDate", 1},
		{"date as number", `{"dueDate": 20261125}`, "dueDate", 1},
		{"unknown field", `{"seller": {"name": "x", "siret": "1"}}`, "seller.siret", 1},
		{"other letter case", `{"Number": "1"}`, "Number", 1},
		{"duplicate field", `{"number": "1", "number": "2"}`, "number", 1},
		{"string for object", `{"seller": "Dupont"}`, "seller", 1},
		{"number for string", `{"number": 42}`, "number", 1},
		{"object for array", `{"lines": {}}`, "lines", 1},
		{"bad base64", `{"attachments": [{"id": "a", "content": "%%%"}]}`, "attachments[0].content", 1},
		{"truncated", `{"number": "1", "lines": [`, "lines", 1},
		{"syntax", `{"number" "1"}`, "number", 1},
		{"trailing data", `{"number": "1"} {}`, "", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := einvoice.DecodeJSON(strings.NewReader(c.in))
			var de *einvoice.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("want a *DecodeError, got %v", err)
			}
			if de.Path != c.path || de.Line != c.line || de.Format != "json" {
				t.Errorf("got path %q line %d, want %q line %d (%v)", de.Path, de.Line, c.path, c.line, err)
			}
			if c.path != "" && !strings.Contains(err.Error(), c.path) {
				t.Errorf("message lacks the path: %v", err)
			}
			// json.Unmarshal gives the same error.
			var inv einvoice.Invoice
			if err := json.Unmarshal([]byte(c.in), &inv); err == nil {
				t.Error("json.Unmarshal accepted it")
			}
		})
	}
}

// TestJSONNames: every JSON name of the model is lower camel case.
func TestJSONNames(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t0 reflect.Type) {
		for t0.Kind() == reflect.Pointer || t0.Kind() == reflect.Slice {
			t0 = t0.Elem()
		}
		if t0.Kind() != reflect.Struct || seen[t0] || t0.PkgPath() != "github.com/einvoice-go/einvoice" || t0.Name() == "Date" {
			return
		}
		seen[t0] = true
		for i := 0; i < t0.NumField(); i++ {
			f := t0.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !name.MatchString(tag) {
				t.Errorf("%s.%s: JSON name %q is not lower camel case", t0.Name(), f.Name, tag)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[einvoice.Invoice]())
	if len(seen) < 20 {
		t.Fatalf("walked only %d types", len(seen))
	}
}

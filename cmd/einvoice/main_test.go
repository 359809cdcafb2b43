package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
)

const testInvoice = "testdata/invoice.json"

// The figures of testdata/invoice.json, computed by hand:
//
//	line 1: 3 × 120.00              = 360.00  S 20 %
//	line 2: 2.5 × 80.50             = 201.25  S 20 %
//	line 3: 10 × 12.345             = 123.45  S 5.5 %
//	BT-106 lines:  360.00 + 201.25 + 123.45 = 684.70
//	BT-107 allowance (S 20 %)                =  10.00
//	BT-109 without VAT: 684.70 − 10.00       = 674.70
//	S 20 %:  360.00 + 201.25 − 10.00 = 551.25, VAT 551.25 × 0.20  = 110.25
//	S 5.5 %: 123.45,                   VAT 123.45 × 0.055 = 6.78975 → 6.79
//	BT-110 VAT: 110.25 + 6.79                =  117.04
//	BT-112 with VAT: 674.70 + 117.04         =  791.74 = BT-115
var wantTotals = map[string]string{
	"lineNet":      "684.70",
	"allowances":   "10.00",
	"taxExclusive": "674.70",
	"vat":          "117.04",
	"taxInclusive": "791.74",
	"due":          "791.74",
}

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// checkTotals decodes the command's output and compares its totals with
// wantTotals.
func checkTotals(t *testing.T, output string) {
	t.Helper()
	inv, err := einvoice.DecodeJSON(strings.NewReader(output))
	if err != nil {
		t.Fatalf("output does not decode: %v\n%s", err, output)
	}
	tot := inv.Totals
	if tot.Allowances == nil || tot.VAT == nil {
		t.Fatalf("totals lack BT-107 or BT-110: %+v", tot)
	}
	got := map[string]string{
		"lineNet":      tot.LineNet.StringFixed(2),
		"allowances":   tot.Allowances.StringFixed(2),
		"taxExclusive": tot.TaxExclusive.StringFixed(2),
		"vat":          tot.VAT.StringFixed(2),
		"taxInclusive": tot.TaxInclusive.StringFixed(2),
		"due":          tot.Due.StringFixed(2),
	}
	for k, want := range wantTotals {
		if got[k] != want {
			t.Errorf("totals.%s = %s, want %s", k, got[k], want)
		}
	}
	if n := len(inv.VATBreakdown); n != 2 {
		t.Fatalf("%d VAT breakdowns, want 2", n)
	}
	for i, want := range [][2]string{{"551.25", "110.25"}, {"123.45", "6.79"}} {
		b := inv.VATBreakdown[i]
		if b.TaxableAmount.StringFixed(2) != want[0] || b.TaxAmount.StringFixed(2) != want[1] {
			t.Errorf("vatBreakdown[%d] = %s / %s, want %s / %s", i, b.TaxableAmount.StringFixed(2), b.TaxAmount.StringFixed(2), want[0], want[1])
		}
	}
	// The JSON form keeps the amounts' text: a wire format check, not only
	// a value check.
	for _, s := range []string{`"lineNet": "684.70"`, `"taxInclusive": "791.74"`, `"netAmount": "123.45"`, `"net": "12.345"`} {
		if !strings.Contains(output, s) {
			t.Errorf("output lacks %s", s)
		}
	}
}

func TestConvertJSON(t *testing.T) {
	input, err := os.ReadFile(testInvoice)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"file", "", []string{"convert", "--to", "json", testInvoice}},
		{"flags after IN", "", []string{"convert", testInvoice, "--to", "json"}},
		{"flag=value", "", []string{"convert", "-to=json", testInvoice}},
		{"stdin", string(input), []string{"convert", "--to", "json", "-"}},
		{"stdin, -o -", string(input), []string{"convert", "-", "--to", "json", "-o", "-"}},
		{"after --", "", []string{"convert", "--to", "json", "--", testInvoice}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.stdin, tc.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			checkTotals(t, r.stdout)
			if !strings.HasPrefix(r.stdout, "{\n  \"number\": ") || !strings.HasSuffix(r.stdout, "}\n") {
				t.Errorf("output is not JSON indented by 2 spaces with a final newline:\n%s", r.stdout)
			}
			// HTML escaping is off: the texts come out as they went in.
			if !strings.Contains(r.stdout, `"Tools & parts for <lab> use"`) || !strings.Contains(r.stdout, `"PO <R&D> 7"`) {
				t.Errorf("texts with <, > or & were escaped:\n%s", r.stdout)
			}
		})
	}
}

func TestConvertOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	r := runCLI(t, "", "convert", "--to", "json", "-o", out, testInvoice)
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkTotals(t, string(data))
	// The file holds exactly what standard output would.
	if r := runCLI(t, "", "convert", "--to", "json", testInvoice); r.stdout != string(data) {
		t.Errorf("file and standard output differ")
	}
}

// The output is a fixed point: converting it again gives the same bytes.
func TestConvertIdempotent(t *testing.T) {
	first := runCLI(t, "", "convert", "--to", "json", testInvoice)
	second := runCLI(t, first.stdout, "convert", "--to", "json", "-")
	if first.code != 0 || second.code != 0 {
		t.Fatalf("exit %d then %d: %s%s", first.code, second.code, first.stderr, second.stderr)
	}
	if first.stdout != second.stdout {
		t.Errorf("second conversion differs:\n%s\n---\n%s", first.stdout, second.stdout)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{
		{"-h"}, {"--help"}, {"help"}, {"help", "convert"}, {"convert", "-h"}, {"convert", "x.json", "--help"},
	} {
		r := runCLI(t, "", args...)
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "usage: einvoice") {
			t.Errorf("%q: exit %d, stderr %q, stdout %.40q", args, r.code, r.stderr, r.stdout)
		}
	}
}

// Each usage error exits 2 with exactly one line on standard error and
// nothing on standard output.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // in the message
	}{
		{nil, "no command"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--to", "json"}, "unknown flag --to"},
		{[]string{"help", "frobnicate"}, "unknown command"},
		{[]string{"convert", "--frob", testInvoice}, "unknown flag --frob"},
		{[]string{"convert", "--frob=1", testInvoice}, "unknown flag --frob"},
		{[]string{"convert", "--to", "json"}, "missing input file"},
		{[]string{"convert", testInvoice}, "--to is required"},
		{[]string{"convert", testInvoice, "--to"}, "--to needs a value"},
		{[]string{"convert", "--to", "pdf", testInvoice}, `bad --to value "pdf"`},
		{[]string{"convert", "--to", "json", "--to", "json", testInvoice}, "given twice"},
		{[]string{"convert", "--to", "json", testInvoice, testInvoice}, "one input file expected, got 2"},
		{[]string{"convert", "--to", "json", "--profile", "en16931", testInvoice}, "--profile applies to CII"},
		{[]string{"convert", "--to", "json", "--profile", "gold", testInvoice}, `bad --profile value "gold"`},
		{[]string{"convert", "--to", "json", "--drop", testInvoice}, "--drop applies to CII output"},
		{[]string{"convert", "--to", "json", "testdata/no-such-file.json"}, "no-such-file.json"},
		{[]string{"validate"}, "no file given"},
		{[]string{"validate", "--rules", "gold", testInvoice}, `bad --rules value "gold"`},
		{[]string{"validate", "--buyer-requires", "service", testInvoice}, "--buyer-requires applies to --rules choruspro"},
		{[]string{"validate", "--rules", "choruspro", "--buyer-requires", "both", testInvoice}, `"both"`},
		{[]string{"validate", testInvoice, "testdata/no-such.xml"}, "no-such.xml"},
		{[]string{"create", testInvoice}, "-o OUT.pdf is required"},
		{[]string{"create", "-o", "x.pdf"}, "one input file expected, got 0"},
		{[]string{"create", "-o", "x.pdf", "--lang", "de", testInvoice}, `bad --lang value "de"`},
		{[]string{"create", "-o", "x.pdf", "--pdf", "testdata/no-such.pdf", testInvoice}, "no-such.pdf"},
		{[]string{"extract", "testdata/no-such.pdf"}, "no-such.pdf"},
		{[]string{"extract", testInvoice, testInvoice}, "one input PDF expected, got 2"},
		{[]string{"fixtures", "--count", "3"}, "-o DIR is required"},
	} {
		r := runCLI(t, "", tc.args...)
		if r.code != 2 {
			t.Errorf("%q: exit %d, want 2", tc.args, r.code)
		}
		if r.stdout != "" {
			t.Errorf("%q: stdout %q, want nothing", tc.args, r.stdout)
		}
		if !strings.HasPrefix(r.stderr, "einvoice: ") || strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
			t.Errorf("%q: stderr %q, want one line starting with \"einvoice: \"", tc.args, r.stderr)
		}
		if !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: stderr %q, want it to contain %q", tc.args, r.stderr, tc.want)
		}
	}
}

// Input that is not a JSON invoice, or cannot be completed.
func TestConvertBadInput(t *testing.T) {
	const line = `{"id": "1", "quantity": "1", "unit": "C62", "price": {"net": "%s"}, "vat": {%s}, "item": {"name": "x"}}`
	invoice := func(lines ...string) string {
		return `{"number": "1", "issueDate": "2026-01-05", "typeCode": "380", "currency": "EUR",
"seller": {"name": "S", "address": {"country": "FR"}},
"buyer": {"name": "B", "address": {"country": "FR"}},
"lines": [` + strings.Join(lines, ",\n") + `]}`
	}
	ok := strings.Replace(strings.Replace(line, "%s", "10.00", 1), "%s", `"category": "S", "rate": "20"`, 1)
	badAmount := strings.Replace(strings.Replace(line, "%s", "12,50", 1), "%s", `"category": "S", "rate": "20"`, 1)
	noCategory := strings.Replace(strings.Replace(line, "%s", "10.00", 1), "%s", `"rate": "20"`, 1)
	noRate := strings.Replace(strings.Replace(line, "%s", "10.00", 1), "%s", `"category": "S"`, 1)

	if r := runCLI(t, invoice(ok), "convert", "--to", "json", "-"); r.code != 0 {
		t.Fatalf("the base of these cases fails: exit %d: %s", r.code, r.stderr)
	}
	for _, tc := range []struct {
		name  string
		input string
		code  int
		want  []string // each in standard error
		lines int      // lines on standard error
	}{
		{"bad amount", invoice(ok, badAmount), 2, []string{"line 5, ", "lines[1].price.net", `bad decimal number "12,50"`}, 1},
		{"truncated", invoice(ok)[:60], 2, []string{"unexpected end of input"}, 1},
		{"unknown field", `{"number": "1", "colour": "red"}`, 2, []string{`colour: unknown field "colour"`}, 1},
		{"empty", "", 2, []string{"unexpected end of input"}, 1},
		{"XML declaration not first", "\n  <?xml version=\"1.0\"?>\n<rsm:CrossIndustryInvoice/>", 2, []string{"neither a CII invoice nor a UBL"}, 1},
		{"other XML with BOM", "\xef\xbb\xbf<Invoice/>", 2, []string{"neither a CII invoice nor a UBL Invoice or CreditNote"}, 1},
		{"malformed CII", "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">\n<rsm:ExchangedDocument>", 2, []string{"line 2"}, 1},
		{"PDF without an invoice", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 2, nil, 1},
		{"no VAT category", invoice(noCategory), 1, []string{"Lines[0].VAT.Category", "BT-151"}, 1},
		{"two errors", invoice(ok, noCategory, noRate), 1, []string{"Lines[1].VAT.Category", "Lines[2].VAT.Rate"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.input, "convert", "--to", "json", "-")
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tc.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if len(lines) != tc.lines {
				t.Errorf("stderr has %d lines, want %d: %q", len(lines), tc.lines, r.stderr)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "einvoice: convert: standard input: ") {
					t.Errorf("stderr line %q does not start with \"einvoice: convert: standard input: \"", l)
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
		})
	}
}

// A failed conversion does not create or change the output file.
func TestConvertFailureWritesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	r := runCLI(t, `{"number": "1", "lines": [{"id": "1", "quantity": "1", "price": {"net": "1"}, "item": {"name": "x"}}]}`,
		"convert", "--to", "json", "-o", out, "-")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output file exists after a failure (stat: %v)", err)
	}
}

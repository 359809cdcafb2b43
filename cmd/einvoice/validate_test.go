package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// validate: PASS for the completed invoice, FAIL with the official rule
// for one whose total with VAT is wrong, FAIL with a decode issue for a
// file that does not decode; exit 1 when one file fails.
func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := runCLI(t, "", "convert", "--to", "cii", testInvoice)
	if good.code != 0 {
		t.Fatalf("convert: %s", good.stderr)
	}
	goodPath := filepath.Join(dir, "good.xml")
	badPath := filepath.Join(dir, "bad.xml")
	brokenPath := filepath.Join(dir, "broken.xml")
	total := regexp.MustCompile(`<ram:GrandTotalAmount>[^<]*</ram:GrandTotalAmount>`)
	if !total.MatchString(good.stdout) {
		t.Fatal("no GrandTotalAmount in the CII")
	}
	bad := total.ReplaceAllString(good.stdout, "<ram:GrandTotalAmount>791.75</ram:GrandTotalAmount>")
	for path, content := range map[string]string{goodPath: good.stdout, badPath: bad, brokenPath: good.stdout[:200]} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	r := runCLI(t, "", "validate", goodPath)
	if r.code != 0 || r.stdout != "PASS "+goodPath+"\n" {
		t.Errorf("valid file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "", "validate", goodPath, badPath, brokenPath)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, want := range []string{
		"PASS " + goodPath + "\n",
		"FAIL " + badPath + "\n  [BR-CO-15] Totals.TaxInclusive: ",
		"FAIL " + brokenPath + "\n  [decode] ",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}

	// A UBL file gets the UBL schematron's verdict: a VAT accounting
	// currency equal to the invoice currency breaks BR-53 in CII only.
	ublOut := runCLI(t, "", "convert", "--to", "ubl", testInvoice)
	if ublOut.code != 0 || !strings.Contains(ublOut.stdout, "</cbc:DocumentCurrencyCode>") {
		t.Fatalf("convert --to ubl: %s", ublOut.stderr)
	}
	cur := regexp.MustCompile(`<cbc:DocumentCurrencyCode>([^<]*)</cbc:DocumentCurrencyCode>`)
	ublPath := filepath.Join(dir, "same-tax-currency.ubl.xml")
	ublText := cur.ReplaceAllString(ublOut.stdout, "$0<cbc:TaxCurrencyCode>$1</cbc:TaxCurrencyCode>")
	if err := os.WriteFile(ublPath, []byte(ublText), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "", "validate", ublPath)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "PASS "+ublPath+"\n") {
		t.Errorf("UBL file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}

	r = runCLI(t, "", "validate", "--json", badPath, goodPath)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 1 || len(lines) != 2 {
		t.Fatalf("--json: exit %d, %d lines:\n%s", r.code, len(lines), r.stdout)
	}
	var rep struct {
		File   string `json:"file"`
		Valid  bool   `json:"valid"`
		Issues []struct {
			Rule, Severity, Path, Message string
			Terms                         []string
		} `json:"issues"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.File != badPath || rep.Valid || len(rep.Issues) == 0 || rep.Issues[0].Rule != "BR-CO-15" ||
		rep.Issues[0].Severity != "fatal" || rep.Issues[0].Path != "Totals.TaxInclusive" || len(rep.Issues[0].Terms) == 0 {
		t.Errorf("--json line %s", lines[0])
	}
	if !strings.HasPrefix(lines[1], `{"file":"`+goodPath+`","valid":true,"issues":[]}`) {
		t.Errorf("--json line %s", lines[1])
	}
}

package einvoice_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/modeltest"
)

// FuzzDecodeJSON: the JSON decoder never panics; what it accepts
// re-encodes and decodes to an equal invoice; Complete never panics on it.
func FuzzDecodeJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "json", "*.json"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		`{}`, `null`, `{"lines":[{"quantity":"1e400"}]}`, `{"issueDate":"2024-02-29"}`,
		`{"totals":{"paid":"-0.001"}}`, `{"lines":[{"price":{"baseQuantity":"0"}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := einvoice.DecodeJSON(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "einvoice: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			return
		}
		out, err := json.Marshal(inv)
		if err != nil {
			t.Fatalf("an accepted invoice does not encode: %v", err)
		}
		back, err := einvoice.DecodeJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("re-decoding failed: %v\n%s", err, out)
		}
		if d := modeltest.Diff(*inv, *back); d != nil {
			t.Fatalf("round trip differs: %v", d)
		}
		_ = inv.Complete()
	})
}

package einvoice_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
)

func TestErrorList(t *testing.T) {
	var empty einvoice.ErrorList
	if empty.Err() != nil {
		t.Error("an empty list is an error")
	}
	inv := minimalInvoice()
	inv.Currency = ""
	inv.Lines[0].VAT.Category = ""
	err := inv.Complete()
	var list einvoice.ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("want an ErrorList of 2, got %v", err)
	}
	if list[0].Path != "Lines[0].VAT.Category" || list[1].Path != "Currency" {
		t.Errorf("paths %q, %q", list[0].Path, list[1].Path)
	}
	if len(list[0].Terms) != 1 || list[0].Terms[0] != "BT-151" {
		t.Errorf("terms %v", list[0].Terms)
	}
	var fe *einvoice.FieldError
	if !errors.As(err, &fe) || fe != list[0] {
		t.Error("errors.As does not reach the first FieldError")
	}
	if lines := strings.Split(err.Error(), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "einvoice: Currency (BT-5): ") {
		t.Errorf("message: %q", err.Error())
	}
}

package einvoice_test

import (
	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/fixtures"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// fullInvoice returns an invoice that uses every business term of
// EN 16931, with the derived figures not yet computed.
func fullInvoice() einvoice.Invoice { return fixtures.Full() }

package facturx

import (
	"errors"
	"io"

	"github.com/einvoice-go/einvoice"
)

// Render writes to w a readable A4 invoice drawn from inv, as a PDF/A-3B.
func Render(w io.Writer, inv *einvoice.Invoice, o *Options) error {
	return errors.New("facturx: not implemented yet")
}

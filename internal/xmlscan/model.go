package xmlscan

import (
	"github.com/shopspring/decimal"

	"github.com/einvoice-go/einvoice"
)

// AllowanceCharge is an allowance or charge as a decoder read it, at
// document level (BG-20, BG-21) or line level (BG-27, BG-28): CII and UBL
// carry both in one element, told apart by its ChargeIndicator.
type AllowanceCharge struct {
	Charge                 bool
	Amount                 decimal.Decimal
	BaseAmount, Percentage *decimal.Decimal
	Reason, ReasonCode     string
	VAT                    einvoice.VAT // document level only
}

// AddTo appends the allowance or charge to the invoice's, or, when line is
// not nil, to the line's.
func (a *AllowanceCharge) AddTo(inv *einvoice.Invoice, line *einvoice.Line) {
	switch {
	case line == nil && a.Charge:
		inv.Charges = append(inv.Charges, einvoice.Charge{
			Amount: a.Amount, BaseAmount: a.BaseAmount, Percentage: a.Percentage, VAT: a.VAT,
			Reason: a.Reason, ReasonCode: einvoice.ChargeReasonCode(a.ReasonCode),
		})
	case line == nil:
		inv.Allowances = append(inv.Allowances, einvoice.Allowance{
			Amount: a.Amount, BaseAmount: a.BaseAmount, Percentage: a.Percentage, VAT: a.VAT,
			Reason: a.Reason, ReasonCode: einvoice.AllowanceReasonCode(a.ReasonCode),
		})
	case a.Charge:
		line.Charges = append(line.Charges, einvoice.LineCharge{
			Amount: a.Amount, BaseAmount: a.BaseAmount, Percentage: a.Percentage,
			Reason: a.Reason, ReasonCode: einvoice.ChargeReasonCode(a.ReasonCode),
		})
	default:
		line.Allowances = append(line.Allowances, einvoice.LineAllowance{
			Amount: a.Amount, BaseAmount: a.BaseAmount, Percentage: a.Percentage,
			Reason: a.Reason, ReasonCode: einvoice.AllowanceReasonCode(a.ReasonCode),
		})
	}
}

module github.com/einvoice-go/einvoice

go 1.26.8

require github.com/shopspring/decimal v1.6.0

require (
	github.com/pdfcpu/pdfcpu v0.15.0 // indirect
	golang.org/x/image v0.48.0 // indirect
)

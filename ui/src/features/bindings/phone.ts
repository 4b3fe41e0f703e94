/** Phone number checks and masking live in components/phoneNumber.ts; this path is kept for the bindings code. */
export { checkPhone, maskNumber, type PhoneCheck, type PhoneProblem } from "../../components/phoneNumber";

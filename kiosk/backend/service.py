"""The simulated オンライン資格確認: people, insurers, insurance records and certificate links, and the
qualification check a reception makes, in the result categories of the real interface. What it returns
(``QualificationResult`` and the people in it) is the domain model of ``kiosk/domain``.

The identity step is real: the kiosk has the card sign a fresh challenge with the user-auth key after
the PIN, and this service checks the signature against the certificate the card presented, then the
certificate's validity and status at the as-of date, and only then looks the person up by the
certificate's serial number (the qualification system identifies the person by the certificate, not the My Number: MHLW FAQ). Face and 目視 identities carry the certificate read
without a PIN, and are recorded as such.
"""

from __future__ import annotations

import os
from dataclasses import field
from typing import TYPE_CHECKING, Any

from mynakiosk.backend import rules
from mynakiosk.backend.smartphone import PhoneLink, phone_refusal
from mynakiosk.domain.fallback import old_card_usable
from mynakiosk.domain.qualification import (
    CertificateState,
    IdentityCheck,
    IdentityMethod,
    QualificationResult,
    Share,
    Validity,
)
from mynakiosk.i18n import N_
from mynakiosk_hardware.profile import CertificateStatus
from mynakiosk_hardware.records import record

if TYPE_CHECKING:
    import datetime as dt

    from mynakiosk.domain.people import Coverage, Insurer, Person


@record(frozen=False)
class CardLink:
    """The certificate serial → person link made at 保険証利用登録 (or the wrong person: 誤紐づけ)."""

    certificate_serial: int
    person: str
    registered: bool = True
    status: CertificateStatus = CertificateStatus.VALID  # the certificate's status at the CA


@record(frozen=False)
class QualificationService:
    """The simulated オンライン資格確認: people, insurers, coverages and which certificate is linked to whom."""

    as_of: dt.date
    people: dict[str, Person] = field(default_factory=dict)
    insurers: dict[str, Insurer] = field(default_factory=dict)
    coverages: list[Coverage] = field(default_factory=list)
    links: dict[int, CardLink] = field(default_factory=dict)
    phones: dict[int, PhoneLink] = field(default_factory=dict)  # phone certificate serial → its card
    _challenges: set[bytes] = field(default_factory=set, repr=False)

    # -- identity ------------------------------------------------------------------------------

    def new_challenge(self) -> bytes:
        """A fresh nonce the card must sign; each is accepted once."""
        challenge = os.urandom(32)
        self._challenges.add(challenge)
        return challenge

    def check_identity(
        self, certificate_der: bytes, signature: bytes | None, challenge: bytes | None
    ) -> IdentityCheck:
        """Verify the challenge signature (PIN mode) and the certificate's validity at the as-of date."""
        from cryptography import x509
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        from mynakiosk_hardware import pki

        try:
            certificate = x509.load_der_x509_certificate(certificate_der)
        except ValueError:
            return IdentityCheck(False, error=N_("電子証明書を読み取れません"))
        if not pki.is_test_certificate(certificate_der):
            return IdentityCheck(
                False, error=N_("この模擬環境は実物の電子証明書を照会しません（練習用の人物で照合します）")
            )
        if signature is not None:
            if challenge is None or challenge not in self._challenges:
                return IdentityCheck(False, error=N_("チャレンジが無効です（再利用または不明）"))
            self._challenges.discard(challenge)
            public = certificate.public_key()
            assert isinstance(public, rsa.RSAPublicKey)
            try:
                public.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
            except InvalidSignature:
                return IdentityCheck(False, error=N_("署名の検証に失敗しました"))
        serial = certificate.serial_number
        phone = self.phones.get(serial)
        link = self.links.get(phone.card_serial if phone else serial)
        card_status = link.status if link else CertificateStatus.VALID
        not_before = certificate.not_valid_before_utc.date()
        not_after = certificate.not_valid_after_utc.date()
        if phone is None:
            state = rules.certificate_state(not_before, not_after, self.as_of, card_status)
            return IdentityCheck(True, serial, state, not_after)
        phone_state = rules.certificate_state(not_before, not_after, self.as_of, phone.status)
        refusal = phone_refusal(phone_state, phone.card_not_after, self.as_of)
        if refusal is not None:
            return IdentityCheck(
                False,
                certificate_state=refusal.certificate_state,
                error=refusal.value,
                by_phone=True,
                phone_refusal=refusal,
            )
        # The phone stands for the card: the card certificate's standing (a lost card's suspension, the
        # renewal alert) is what the reception reports.
        card_state = rules.certificate_state(not_before, phone.card_not_after, self.as_of, card_status)
        return IdentityCheck(True, phone.card_serial, card_state, phone.card_not_after, by_phone=True)

    # -- registration --------------------------------------------------------------------------

    def register(self, serial: int) -> None:
        """保険証利用登録 at the reader (kenpo.gr.jp/SCSK-kenpo FAQ): afterwards the card works as a マイナ保険証."""
        link = self.links.get(serial)
        if link is not None:
            link.registered = True

    # -- qualification -------------------------------------------------------------------------

    def confirm(self, identity: IdentityCheck, method: IdentityMethod) -> QualificationResult:
        """オンライン資格確認 by card (照会区分 1) for a verified identity."""
        if not identity.ok or identity.serial is None:
            return QualificationResult(
                False,
                None,
                method,
                certificate_state=identity.certificate_state,
                error_message=identity.error,
                cause=identity.error,
            )
        state = identity.certificate_state
        assert state is not None and identity.not_after is not None
        if not state.usable:
            return self._certificate_error(state, method)
        link = self.links.get(identity.serial)
        alert = rules.renewal_alert(identity.not_after, self.as_of)
        if link is None:
            return QualificationResult(
                True,
                Validity.NONE,
                method,
                certificate_state=state,
                renewal_alert=alert,
                cause=N_(
                    "この電子証明書は、どの資格情報にもひもづいていません（マイナンバーが保険者に登録されていない可能性）。"
                ),
            )
        if not link.registered:
            return QualificationResult(
                True, None, method, certificate_state=state, renewal_alert=alert, needs_registration=True
            )
        result = self._by_person(link.person, method)
        return _with(
            result,
            certificate_state=state,
            renewal_alert=alert,
            qualification_only=state is CertificateState.GRACE,
        )

    def lookup_by_numbers(
        self, insurer: str, symbol: str, number: str, branch: str, birth_date: dt.date | None = None
    ) -> QualificationResult:
        """個別照会 by 保険者番号・記号・番号・枝番 and 生年月日 (照会区分 2), as the 資格確認端末 does for a
        資格確認書 (or, during the 暫定措置, an expired 保険証 or the お知らせ). The insurer's record is found by
        its numbers whether or not a My Number is linked to it."""
        matches = [
            c
            for c in self.coverages
            if (c.insurer, c.symbol, c.number, c.branch) == (insurer, symbol, number, branch)
            and rules.is_reflected(c.reflected or c.acquired, self.as_of)
        ]
        if not matches:
            return QualificationResult(
                True, Validity.NONE, IdentityMethod.VISUAL, cause=N_("該当する記号・番号がありません。")
            )
        coverage = matches[0]
        person = self.people.get(coverage.person)
        if birth_date is not None and (person is None or person.birth_date != birth_date):
            return QualificationResult(
                True,
                Validity.NONE,
                IdentityMethod.VISUAL,
                cause=N_("記号・番号はありますが、生年月日が一致しません。入力と書類を確かめてください。"),
            )
        if coverage.valid_on(self.as_of):
            return self._result(Validity.VALID, IdentityMethod.VISUAL, person, coverage)
        newer = [c for c in self._known(coverage.person) if c.valid_on(self.as_of)]
        validity = Validity.INVALID_NEWER_EXISTS if newer else Validity.INVALID
        return self._result(
            validity,
            IdentityMethod.VISUAL,
            person,
            coverage,
            cause=N_("この記号・番号の資格は喪失しています。"),
        )

    def share_of_card(self, serial: int, birth_date: dt.date) -> Share:
        """The share the holder of card ``serial`` pays with any valid document (a PIN lock's fallback)."""
        link = self.links.get(serial)
        tenths = None
        if link is not None:
            records = [c for c in self.coverages if c.person == link.person and c.valid_on(self.as_of)]
            tenths = next((c.elderly_tenths for c in records if c.elderly_tenths), None)
        return rules.patient_share(birth_date, self.as_of, tenths)

    def old_card_usable(self, serial: int) -> bool:
        """Whether the holder of card ``serial`` still has a usable old 保険証 (to 2025-12-01 at the latest)."""
        link = self.links.get(serial)
        return link is not None and any(
            old_card_usable(c, self.as_of) for c in self.coverages if c.person == link.person
        )

    def _known(self, person_id: str) -> list[Coverage]:
        """Records the system has for this person at the as-of date (their My Number registered and reflected)."""
        return [
            c for c in self.coverages if c.person == person_id and rules.is_reflected(c.reflected, self.as_of)
        ]

    def _by_person(self, person_id: str, method: IdentityMethod) -> QualificationResult:
        person = self.people.get(person_id)
        known = self._known(person_id)
        valid = [c for c in known if c.valid_on(self.as_of)]
        pending = [
            c for c in self.coverages if c.person == person_id and c.valid_on(self.as_of) and c not in known
        ]
        if len(valid) == 1:
            return self._result(Validity.VALID, method, person, valid[0])
        aid = [c for c in pending if c.medical_aid]
        if not valid and aid:
            # 医療扶助 decided by the 福祉事務所 but not yet registered online: 6 有効（未登録）(code list OQSCD006).
            return self._result(
                Validity.VALID_UNREGISTERED,
                method,
                person,
                aid[0],
                cause=N_("医療扶助の資格は有効ですが、オンライン資格確認にはまだ登録されていません。"),
            )
        if len(valid) > 1:
            return self._result(
                Validity.MULTIPLE,
                method,
                person,
                None,
                cause=N_("有効な資格が複数あります。どちらの保険で受診するか確認してください。"),
                candidates=tuple(valid),
            )
        if pending:
            cause = N_(
                "新しい保険の登録（マイナンバー）が、まだオンライン資格確認に反映されていません。"
                "出生・転職・扶養の変更の直後に起こりやすく、反映まで最長2か月ほどかかることがあります。"
            )
        elif known:
            cause = N_("登録されている資格は喪失しています。新しい保険の手続きがまだの可能性があります。")
        else:
            cause = N_("保険者にマイナンバーが登録されていないか、まだ反映されていません。")
        if known:
            return self._result(
                Validity.INVALID, method, person, max(known, key=lambda c: c.acquired), cause=cause
            )
        return self._result(Validity.NONE, method, person, None, cause=cause)

    def _result(
        self,
        validity: Validity,
        method: IdentityMethod,
        person: Person | None,
        coverage: Coverage | None,
        cause: str = "",
        candidates: tuple[Coverage, ...] = (),
    ) -> QualificationResult:
        share = None
        if person is not None and not (coverage is not None and coverage.medical_aid):  # 医療扶助: no 割
            # The share the patient will pay with any valid document, for the fallback screen.
            share = rules.patient_share(
                person.birth_date, self.as_of, coverage.elderly_tenths if coverage else None
            )
        return QualificationResult(
            True,
            validity,
            method,
            # 該当資格なし discloses nobody: the system found no record to show.
            person=None if validity is Validity.NONE else person,
            coverage=coverage,
            insurer=self.insurers.get(coverage.insurer) if coverage else None,
            share=share,
            cause=cause,
            candidates=candidates,
        )

    def _certificate_error(self, state: CertificateState, method: IdentityMethod) -> QualificationResult:
        if state is CertificateState.SUSPENDED:
            message = N_(
                "電子証明書が一時保留（利用停止）されています。カードを紛失した場合は"
                "マイナンバー総合フリーダイヤル 0120-95-0178 へ。"
            )
        else:
            message = N_("受付窓口にご連絡ください。また市区町村で証明書の更新手続きをしてください。")
        return QualificationResult(
            False,
            None,
            method,
            certificate_state=state,
            error_code="006",
            # The same Japanese as the real 処理結果 message (the result file's ErrorMessage).
            error_message=N_("{message}【006:利用者証明用電子証明書の失効・有効期限切れ】", message=message),
            cause=message,
        )


def _with(result: QualificationResult, **changes: Any) -> QualificationResult:
    from dataclasses import replace

    return replace(result, **changes)

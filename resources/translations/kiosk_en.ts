<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja_JP">
<context>
    <name></name>
    <message>
        <location filename="../../kiosk/domain/qualification.py" line="+42"/>
        <source>一般</source>
        <extracomment>The reason of the ordinary 3割 share (not repeated on the fallback screen).</extracomment>
        <translation>standard</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{tenths}割</source>
        <translation>{tenths}0%</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend/rules.py" line="+79"/>
        <source>未就学児</source>
        <extracomment>電子証明書: the reader alerts from 3 months before expiry (MHLW, mhlw.go.jp/stf/newpage_50657.html). Usable for qualification only until the end of the 3rd month after the expiry month (city.tama.lg.jp, city.iwaki.lg.jp). Unless a scenario says when, an insurer&apos;s record (with the My Number) reaches the system this many days after the 資格取得日: a simulator choice; in reality it can take up to 2 months (共済組合「マイナ保険証・オンライン資格確認について Q&amp;A」A5).</extracomment>
        <translation>preschool child</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{age}歳（70歳以上は所得により1〜3割）</source>
        <translation>age {age}; from age 70: 10-30% by income</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/people.py" line="+28"/>
        <source>本人</source>
        <extracomment>Under this age the kiosk treats the patient as a child (the 医療証 note on the fallback screen, the practice explanation&apos;s child notes): a simulator choice, as 医療証 age limits vary by municipality.</extracomment>
        <translation>Insured person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>家族</source>
        <translation>Dependent</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/qualification.py" line="+16"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+41"/>
        <source>有効</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無効</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>無効（新しい資格あり）</source>
        <translation>Invalid (newer eligibility exists)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+2"/>
        <source>該当資格なし</source>
        <translation>No matching eligibility</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/scenarios/tags.py" line="-8"/>
        <source>複数該当</source>
        <translation>Multiple matches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有効（未登録）</source>
        <translation>Valid (unregistered)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../../kiosk/flow/machine.py" line="+207"/>
        <location filename="../../kiosk/scenarios/runner.py" line="+303"/>
        <location filename="../../kiosk/ui/screens.py" line="+234"/>
        <location line="+471"/>
        <source>顔認証</source>
        <translation>Face recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+15"/>
        <location filename="../../kiosk/ui/screens.py" line="-469"/>
        <source>暗証番号</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/scenarios/runner.py" line="+1"/>
        <source>目視</source>
        <translation>Visual check</translation>
    </message>
    <message>
        <location filename="../../kiosk/backend/service.py" line="+83"/>
        <source>電子証明書を読み取れません</source>
        <translation>Cannot read the electronic certificate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>この模擬環境は実物の電子証明書を照会しません（練習用の人物で照合します）</source>
        <translation>This simulator does not check real electronic certificates (it uses practice people)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>チャレンジが無効です（再利用または不明）</source>
        <translation>Invalid challenge (reused or unknown)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>署名の検証に失敗しました</source>
        <translation>Signature check failed</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>この電子証明書は、どの資格情報にもひもづいていません（マイナンバーが保険者に登録されていない可能性）。</source>
        <translation>This electronic certificate is not linked to any eligibility record (the My Number may not be registered with the insurer).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>該当する記号・番号がありません。</source>
        <translation>No record matches this symbol and number.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>記号・番号はありますが、生年月日が一致しません。入力と書類を確かめてください。</source>
        <translation>The symbol and number exist, but the date of birth does not match. Check what was typed against the document.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>この記号・番号の資格は喪失しています。</source>
        <translation>The eligibility under this symbol and number has ended.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>医療扶助の資格は有効ですが、オンライン資格確認にはまだ登録されていません。</source>
        <translation>The medical aid eligibility is valid but not yet registered in the online eligibility check.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>有効な資格が複数あります。どちらの保険で受診するか確認してください。</source>
        <translation>There are several valid eligibility records. Please confirm which insurance to use for this visit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>新しい保険の登録（マイナンバー）が、まだオンライン資格確認に反映されていません。出生・転職・扶養の変更の直後に起こりやすく、反映まで最長2か月ほどかかることがあります。</source>
        <translation>The new insurance registration (My Number) is not yet reflected in the online eligibility check. This often happens right after a birth, a job change or a change of dependents; it can take up to about 2 months to be reflected.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>登録されている資格は喪失しています。新しい保険の手続きがまだの可能性があります。</source>
        <translation>The registered eligibility has ended. The new insurance may not be set up yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保険者にマイナンバーが登録されていないか、まだ反映されていません。</source>
        <translation>The My Number is not registered with the insurer, or it is not reflected yet.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>電子証明書が一時保留（利用停止）されています。カードを紛失した場合はマイナンバー総合フリーダイヤル 0120-95-0178 へ。</source>
        <translation>The electronic certificate is suspended. If you lost the card, call the My Number toll-free line 0120-95-0178.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>受付窓口にご連絡ください。また市区町村で証明書の更新手続きをしてください。</source>
        <translation>Please contact the reception desk, and renew the certificate at your city office.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{message}【006:利用者証明用電子証明書の失効・有効期限切れ】</source>
        <translation>{message} [006: user authentication certificate revoked or expired]</translation>
    </message>
    <message>
        <location filename="../../kiosk/cards.py" line="+57"/>
        <source>マイナンバーカードではないか、ICチップを読み取れませんでした。</source>
        <translation>This is not a My Number Card, or its IC chip could not be read.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>練習用カード：{persona}のカードとして扱います</source>
        <translation>Practice card: used as the card of {persona}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>実物のカード：暗証番号をカードで照合します（設定で許可済み）</source>
        <translation>Real card: the PIN is checked on the card (allowed in settings)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>暗証番号の残り回数が1回のため、実物のカードでは照合しません。実物のマイナンバーカードです。練習に使うには、練習用の人物に登録してください（{command}）。登録すると、暗証番号はカードに送らずに練習用の番号で照合します。</source>
        <translation>Only 1 PIN try is left, so the PIN is not checked on a real card. This is a real My Number Card. To practice with it, register it to a practice person ({command}). Then the PIN is not sent to the card but checked against the practice PIN.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>実物のマイナンバーカードです。練習に使うには、練習用の人物に登録してください（{command}）。登録すると、暗証番号はカードに送らずに練習用の番号で照合します。</source>
        <translation>This is a real My Number Card. To practice with it, register it to a practice person ({command}). Then the PIN is not sent to the card but checked against the practice PIN.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>実物のカード：暗証番号はカードに送らず、{name}さんの練習用の番号で照合します</source>
        <translation>Real card: the PIN is not sent to the card, but checked against {name}&apos;s practice PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/clinic.py" line="+13"/>
        <source>練習用クリニック</source>
        <translation>Practice Clinic</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="+64"/>
        <source>窓口での自己負担は通常どおりです（3割。未就学児は2割、70歳以上の方は1〜3割）。</source>
        <extracomment>The current record is not in the system: a look-up by an old card&apos;s numbers (暫定措置) cannot help.</extracomment>
        <translation>You pay the usual share at the desk (30%; preschool children 20%, age 70 and over 10-30%).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>お子さんの医療費助成の「医療証」（市区町村の受給者証）は、マイナ保険証とは別に窓口で提示してください。</source>
        <translation>Please also show your child&apos;s medical subsidy certificate (from the city office) at the desk.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>暗証番号がロックされています</source>
        <translation>Your PIN is locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暗証番号を3回続けて間違えたため、このカードの利用者証明用電子証明書がロックされました。</source>
        <translation>A wrong PIN 3 times in a row has locked this card&apos;s user authentication certificate.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/desk.py" line="+41"/>
        <location filename="../../kiosk/domain/fallback.py" line="-9"/>
        <location filename="../../kiosk/domain/practice.py" line="+258"/>
        <location line="+18"/>
        <location line="+13"/>
        <location filename="../../kiosk/domain/smartphone.py" line="+38"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+14"/>
        <source>資格確認書</source>
        <translation>Certificate of Eligibility</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>健康保険証（有効期限内）</source>
        <translation>Health insurance card (within its validity)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有効期限切れの健康保険証</source>
        <translation>Expired health insurance card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資格情報のお知らせ（のみ）</source>
        <translation>Notice of Eligibility Information (alone)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/domain/fallback.py" line="+1"/>
        <location filename="../../kiosk/domain/smartphone.py" line="+1"/>
        <source>資格情報のお知らせ ＋ マイナンバーカード</source>
        <translation>Notice of Eligibility Information + My Number Card</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>マイナ保険証（カード）か資格確認書を提示してもらってください。カードが読み取れないときは、カードと資格情報のお知らせ（またはマイナポータルの資格情報画面）で受付できます。初診なら被保険者資格申立書＋カードも使えます。</source>
        <translation>Ask for the My Number Card or the Certificate of Eligibility. If the card cannot be read, the card with the Notice of Eligibility Information (or the Mynaportal eligibility screen) is accepted. At a first visit, the eligibility declaration form + the card also works.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>資格が確認できません（{validity}）。{cause}書類の記号・番号・枝番と生年月日をもう一度確かめてください。{routes}</source>
        <translation>Eligibility cannot be confirmed ({validity}). {cause} Check the symbol, number, branch number and date of birth on the document again. {routes}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>資格確認書で受付できます（券面の有効期限も確かめてください）。負担は{share}です。</source>
        <translation>The Certificate of Eligibility is accepted (check its printed validity too). The share is {share}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>マイナンバーカードと資格情報のお知らせで受付できます。負担は{share}です。</source>
        <translation>The My Number Card with the Notice of Eligibility Information is accepted. The share is {share}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>従来の健康保険証で受付できます（2025年12月1日まで。券面の有効期限も確かめてください）。負担は{share}です。</source>
        <translation>The old health insurance card is accepted (until December 1, 2025; check its printed validity too). The share is {share}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>暫定措置（2026年3月31日まで）: 資格が確認できたので、通常の負担（{share}）で受付できます。次回はマイナ保険証か資格確認書を持ってくるよう案内してください。</source>
        <translation>Interim measure (until March 31, 2026): eligibility is confirmed, so the check-in goes ahead at the usual share ({share}). Ask the patient to bring the My Number Card or the Certificate of Eligibility next time.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>資格情報のお知らせだけでは受付できません（マイナンバーカードと一緒に提示するものです。暫定措置は2026年3月31日で終わりました）。{routes}</source>
        <translation>The Notice of Eligibility Information alone is not accepted (it is shown together with the My Number Card; the interim measure ended on March 31, 2026). {routes}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>暫定措置は2026年3月31日で終わりました。有効期限切れの健康保険証だけでは受付できません。{routes}</source>
        <translation>The interim measure ended on March 31, 2026. An expired health insurance card alone is not accepted. {routes}</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="+1"/>
        <source>マイナポータルの資格情報画面 ＋ マイナンバーカード</source>
        <translation>Mynaportal eligibility screen + My Number Card</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../kiosk/domain/smartphone.py" line="+2"/>
        <source>受付窓口の職員にお声がけください。職員に暗証番号を伝える必要はありません。</source>
        <translation>Please speak to the staff at the reception desk. You do not need to tell them your PIN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ロックの解除（暗証番号の初期化）は、住民票のある市区町村の窓口で行えます。</source>
        <translation>To unlock it (reset the PIN), go to the city office where you are registered as a resident.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>このカードは暗証番号が設定されていません</source>
        <translation>This card has no PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>顔認証マイナンバーカードは、顔認証または職員の目視確認で本人確認をします。</source>
        <translation>With a face-recognition My Number Card, identity is checked by face or visually by staff.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>受付窓口の職員にお声がけください。職員が目視で本人確認をします。</source>
        <translation>Please speak to the staff at the reception desk. Staff will check your identity visually.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>顔認証がうまくいかない場合も、職員による目視確認で受付できます。</source>
        <translation>If face recognition does not work, staff can still check you in with a visual check.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>被保険者資格申立書（受付でお渡しします）＋ マイナンバーカード</source>
        <translation>Eligibility declaration form (given at reception) + My Number Card</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>資格確認書（新しく加入したときに保険者が交付します。赤ちゃんや新しい扶養家族は、被扶養者異動届で「資格確認書必要」を選びます）</source>
        <extracomment>When the insurer&apos;s record is not in the system yet: the 資格確認書 the insurer issues on acquisition.</extracomment>
        <translation>Certificate of Eligibility (the insurer issues one to new members; for a baby or a new dependant, ask for it on the dependant notification)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>窓口での自己負担は通常どおり{share}です（{reason}）。10割負担にはなりません。</source>
        <translation>You pay the usual {share} at the desk ({reason}). You will not pay the full 100%.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>窓口での自己負担は通常どおり{share}です。10割負担にはなりません。</source>
        <translation>You pay the usual {share} at the desk. You will not pay the full 100%.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+16"/>
        <source>受付窓口の職員にお声がけください。</source>
        <translation>Please speak to the staff at the reception desk.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>カードリーダーが故障しています</source>
        <translation>The card reader is out of order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今日はこのカードリーダーでマイナ保険証を読み取れません。</source>
        <translation>Today this card reader cannot read the My Number Card.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>健康保険証（2025年12月1日まで使えます）</source>
        <extracomment>The old 健康保険証 could be used until 2025-12-01 at the latest: earlier if its own printed expiry came first, and not after a change of insurer (子どもの資格確認書の記事 Q5; 東洋紡健康保険組合 FAQ 3-4). No 保険証 was issued from 2024-12-02 on: a record acquired since has none. 暫定措置: an expired 保険証 or the お知らせ alone is accepted, staff looking the numbers up online, until 2026-03-31 (事務連絡 2025-06-27 / 2025-11-12; docs/domain.md, timeline).</extracomment>
        <translation>Health insurance card (valid until December 1, 2025)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>有効期限切れの健康保険証、または「資格情報のお知らせ」のみ（暫定措置：2026年3月31日まで。窓口で記号・番号から資格を確認します）</source>
        <translation>An expired health insurance card, or the Notice of Eligibility Information alone (interim, until March 31, 2026: staff check the symbol and number)</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/machine.py" line="-20"/>
        <source>お子さんのカードは、保護者がカードを置き、「暗証番号」を選んでお子さんの4桁の暗証番号を入力します。職員に暗証番号を伝える必要はありません。</source>
        <translation>For a child&apos;s card, a parent places the card, chooses “PIN” and enters the child&apos;s 4-digit PIN. You do not need to tell staff the PIN.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>「残り入力回数」は、カードに記録されている「あと何回まちがえられるか」です。3回続けてまちがえるとロックされ、住民票のある市区町村の窓口で解除します。正しく入力すると3回に戻ります。</source>
        <translation>“Tries left” is stored on the card: how many more wrong PINs it allows. 3 wrong PINs in a row lock it; your city office unlocks it. A correct PIN resets it to 3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>子どもは成長で顔が変わるため、カードの写真と合わず顔認証が通りにくいことがあります。うまくいかないときは「暗証番号に切り替える」を押します。</source>
        <translation>Children&apos;s faces change as they grow, so face recognition may not match the card photo. If it fails, press “Use PIN instead”.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>目視確認は職員が行います。パスワードは医療機関のもので、カードの暗証番号ではありません。</source>
        <translation>Staff do the visual check. The password is the clinic&apos;s, not the card&apos;s PIN.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>「個別に同意する」を選ぶと、診療・薬剤、手術、特定健診の情報ごとに、同意するかどうかを選べます。</source>
        <translation>If you choose “Choose individually”, you can decide whether to consent separately for treatment and medication, surgery, and specific health checkup information.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>「高額療養費制度を利用する」を選ぶと、限度額情報が医療機関に提供されます。</source>
        <translation>If you choose “Use the benefit”, your payment limit information is shared with the medical facility.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>子ども医療費助成などの「医療証」は、マイナ保険証とは別の仕組みです。紙の受給者証も持って行きます。</source>
        <translation>Medical subsidy certificates (e.g. for children) are separate from the My Number Card. Bring the paper certificate too.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>表示された書類を窓口で提示すれば、通常の負担割合で受診できます（10割負担にはなりません）。</source>
        <translation>Show a listed document at the reception desk and you pay your usual share (not the full cost).</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>カードの取り忘れに気をつけましょう。</source>
        <translation>Don&apos;t forget your card.</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>カードケースやカバーから出して置き直します。マイナンバーカード以外のカードは読み取れません。</source>
        <translation>Take the card out of its case or cover and place it again. Only My Number Cards can be read.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/practice.py" line="-260"/>
        <source>自宅では、マイナポータルで「健康保険証としての利用」が有効か、保険者名・資格取得日が紙の保険証や資格確認書と合っているかを確認できます。</source>
        <translation>On Mynaportal you can check that use as a health insurance card is active, and that the insurer name and coverage start date match your paper insurance card or Certificate of Eligibility.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>お子さんの医療費助成の「医療証」は、マイナ保険証とは別に窓口で提示します。</source>
        <translation>Show your child&apos;s medical subsidy certificate at the reception desk too; it is separate from the My Number Card.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>受付を中止しました</source>
        <translation>Check-in cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>しばらく操作がなかったため、カードリーダーが受付を中止しました。もう一度カードを置けばやり直せます。</source>
        <translation>Nothing happened for a while, so the card reader cancelled the check-in. Place the card again to start over.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>受付は終わっていません</source>
        <translation>The check-in did not finish</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>受付の途中でカードを取ったか、最初の画面に戻ったため、受付は記録されていません。もう一度カードを置けば（スマートフォンなら「スマートフォンで受付」から）やり直せます。</source>
        <translation>The card was taken away, or the first screen was chosen again, part-way through: nothing was recorded. Place the card again (with a phone, start from “Use a smartphone”) to start over.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{method}で本人確認をして、資格が確認できました（{validity}）。窓口での負担は{share}です。</source>
        <translation>Identity checked ({method}); eligibility confirmed ({validity}). You pay {share} at the desk.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{method}で本人確認をして、資格が確認できました（{validity}）。</source>
        <translation>Identity checked ({method}); eligibility confirmed ({validity}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>電子証明書の有効期限が切れているため、資格情報の提供のみでした。市区町村で更新しましょう。</source>
        <translation>The electronic certificate has expired, so only eligibility information was provided. Renew it at your city office.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>電子証明書の更新時期です。市区町村で更新手続きをしましょう。</source>
        <translation>It is time to renew the electronic certificate. Renew it at your city office.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>受付できました</source>
        <translation>Check-in complete</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>受付できませんでした</source>
        <translation>Could not check in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>暗証番号を3回続けてまちがえたため、カードの暗証番号がロックされました。</source>
        <translation>The PIN was wrong 3 times in a row, so the card&apos;s PIN is locked.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ロックは時間がたっても解除されません。</source>
        <translation>The lock does not clear with time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>住民票のある市区町村の窓口</source>
        <translation>Your city office (where you are registered)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>暗証番号のロック解除（初期化）</source>
        <translation>Unlocking (resetting) the PIN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>電子証明書の更新・再発行</source>
        <translation>Renewing or reissuing the electronic certificate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>マイナンバー総合フリーダイヤル 0120-95-0178</source>
        <translation>My Number toll-free line 0120-95-0178</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>紛失・一時停止の手続き</source>
        <translation>Reporting a lost card and suspending it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>電子証明書が使えませんでした</source>
        <translation>Electronic certificate not usable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>カードの利用者証明用電子証明書が有効期限切れ・失効・一時停止のため、マイナ保険証として使えませんでした。</source>
        <translation>The card&apos;s user authentication certificate has expired, been revoked or been suspended, so it could not be used as a health insurance card.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <location line="+36"/>
        <source>加入している保険者</source>
        <translation>Your insurer</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>被扶養者の登録状況と、マイナ保険証で資格が取れないこと（記号・番号、氏名、生年月日を伝える）</source>
        <translation>Whether the dependent is registered, and that the My Number Card shows no eligibility (give the insurance symbol and number, name and date of birth)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>勤務先の担当部署</source>
        <translation>The responsible department at your employer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>扶養の手続きの受付日、保険の切り替え時期</source>
        <translation>When the dependent application was accepted, and when the insurance changes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>資格が二重になっていないか（前の保険の喪失手続き）</source>
        <translation>Whether you are enrolled twice (ending the previous insurance)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>もしも…を選ばない（シナリオのとおり）</source>
        <translation>No what-if (the scenario as it is)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もしも、スマホ対応の読み取り機がない医療機関だったら？</source>
        <translation>What if the clinic has no reader for phones?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もしも、スマホを買い替えて、まだ設定していなかったら？</source>
        <translation>What if the phone was just replaced and not set up yet?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もしも、スマホの暗証番号がロックされていたら？</source>
        <translation>What if the phone&apos;s PIN is locked?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もしも、子どもが自分のスマホを持って行ったら？</source>
        <translation>What if a child brings their own phone?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>スマホ対応の読み取り機がない医療機関</source>
        <translation>A clinic without a reader for phones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>この医療機関には汎用カードリーダーがないため、読み取り機の画面に「スマートフォンで受付」が出ません。マイナンバーカードを置いて受付します。</source>
        <translation>This clinic has no general-purpose card reader, so the reader&apos;s screen does not offer “Use a smartphone”. Check in by placing your My Number Card.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>今までの顔認証付きカードリーダーはスマートフォンを読めません。横に置く汎用カードリーダーが必要で、置くかどうかは医療機関が決めます。</source>
        <translation>The existing face-recognition card readers cannot read phones. A phone needs a general-purpose card reader beside the face reader, and each clinic decides whether to have one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>マイナンバーカード</source>
        <translation>My Number Card</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>対応している医療機関にはステッカーがあり、厚生労働省も一覧を公表しています。</source>
        <translation>Clinics that accept phones show a sticker, and the Ministry of Health publishes a list of them.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>新しいスマホに、まだカードを追加していない</source>
        <translation>A new phone the card was not added to yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>買い替えたスマートフォンには、マイナンバーカードがまだ入っていません。かざしても読み取れないので、マイナンバーカードを読み取り機に置いて受付します。</source>
        <translation>The new phone does not carry your My Number Card yet. Held over the reader, it cannot be read: check in by placing the My Number Card on the reader.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新しいスマートフォンには、マイナポータルアプリで実物のカードから追加し直します（署名用電子証明書のパスワードが必要です）。前のスマートフォンの電子証明書は、自分で失効させます。</source>
        <translation>Add the card to the new phone again with the Mynaportal app, from the card itself (the signature certificate&apos;s password is needed). Revoke the old phone&apos;s certificate yourself.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新しいスマートフォンへのカードの追加</source>
        <translation>adding the card to the new phone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>スマホの暗証番号がロックされている</source>
        <translation>The phone&apos;s PIN is locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Androidのスマホ用電子証明書の暗証番号を続けてまちがえると、スマートフォンの電子証明書がロックされます。かざすと、代わりの書類を案内されます。</source>
        <translation>When the PIN of an Android phone&apos;s certificate is entered wrongly too many times in a row, the phone&apos;s certificate is locked. Held over the reader, the phone gets the list of other documents to show.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ロックされるのはスマートフォンの電子証明書だけで、マイナンバーカードの暗証番号とは別です。カードはそのまま使えます。</source>
        <translation>Only the phone&apos;s certificate is locked; its PIN is not the My Number Card&apos;s. The card still works.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ロックの解除（パスワードの初期化）。実物のカードを使います</source>
        <translation>releasing the lock (password reset), with the card itself</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>子どもはスマホ保険証を使えない</source>
        <translation>A child cannot use a phone as the health insurance card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>お子さんのスマートフォンには、マイナンバーカードを追加できません。かざしても読み取れないので、お子さんのカードを読み取り機に置き、保護者がお子さんの暗証番号を入力します。</source>
        <translation>A child&apos;s My Number Card cannot be added to the child&apos;s phone. Held over the reader, it cannot be read: place the child&apos;s card on the reader, and a parent enters the child&apos;s PIN.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>スマートフォンにカードを追加するには署名用電子証明書のパスワードが必要ですが、15歳未満には署名用電子証明書が原則として発行されません。お子さんのカードを保護者のスマートフォンに入れることもできません（1台に1人のカード）。</source>
        <translation>Adding a card to a phone needs the password of its signature certificate, and in principle no signature certificate is issued under 15. A child&apos;s card cannot be added to a parent&apos;s phone either (one person&apos;s card per phone).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>お子さんのマイナンバーカード</source>
        <translation>The child&apos;s My Number Card</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="+80"/>
        <location filename="../../kiosk/domain/practice.py" line="-130"/>
        <source>資格が確認できませんでした</source>
        <translation>Eligibility not confirmed</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/practice.py" line="+2"/>
        <source>オンライン資格確認の結果は「{validity}」でした。</source>
        <translation>Online eligibility check result: “{validity}”.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>別の人の資格情報が表示されました（誤紐づけ）</source>
        <translation>Another person&apos;s eligibility was shown (wrong link)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>リーダーの画面は受付完了になりましたが、職員の端末には{card_holder}さんではなく、{shown}さん（{birth_date:%Y-%m-%d}生まれ）の情報が表示されました。窓口は受付を止めて確認します。</source>
        <translation>The reader showed the check-in as complete, but the staff terminal showed the information of {shown} (born {birth_date:%Y-%m-%d}), not of {card_holder}. The desk stops the check-in and checks.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>氏名・生年月日・続柄・性別などの入力ミスで、マイナンバーが別人の保険情報にひもづいている可能性があります。同じ名前でも生年月日がちがえば別の人です。</source>
        <translation>A typo in the name, date of birth, relationship or sex may have linked the My Number to another person&apos;s insurance. Someone with the same name but another date of birth is another person.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>別人の情報が表示されたこと（保険者への連絡と同じく受け付けています）</source>
        <translation>That another person&apos;s information was shown (taken just like a call to the insurer)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>別人の情報が表示されたこと（必ず連絡する）</source>
        <translation>That another person&apos;s information was shown (always report it)</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/staff.py" line="+22"/>
        <source>資格確認書、または「資格情報のお知らせ」＋マイナンバーカード、またはマイナポータルの資格情報画面＋マイナンバーカードで資格を確認してください。初診なら被保険者資格申立書＋カード、再診なら口頭確認も可能です。自己負担は通常どおりで、10割にはなりません。</source>
        <translation>Check eligibility with the Certificate of Eligibility, the Notice of Eligibility Information + My Number Card, or the Mynaportal eligibility screen + My Number Card. First visit: an eligibility declaration form + card is also accepted; return visit: oral confirmation is possible. The patient pays the usual share, not 100%.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>マイナンバー総合フリーダイヤル 0120-95-0178（音声ガイダンスで「4」→「2」）</source>
        <extracomment>誤紐づけ: besides the insurer, the national line (音声ガイダンス「4」→「2」): デジタル庁 FAQ 「マイナンバーカードの健康保険証利用について」, quoted by 東洋紡健康保険組合 FAQ 4-14.</extracomment>
        <translation>My Number toll-free line 0120-95-0178 (in the voice guide, press 4 then 2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>資格確認書で資格を確認してください（記号・番号・枝番と生年月日で個別照会できます）。初診なら被保険者資格申立書＋カード、再診なら口頭確認も可能です。反映前の資格は、資格情報のお知らせやマイナポータルにも表示されません。自己負担は通常どおりで、10割にはなりません。</source>
        <extracomment>When the card found no current record (無効・該当資格なし): the お知らせ and マイナポータル show the same.</extracomment>
        <translation>Confirm eligibility with the Certificate of Eligibility (look it up by symbol, number, branch number and date of birth). At a first visit the eligibility declaration form + the card, at a return visit an oral check, are also possible. A record not yet reflected does not appear on the Notice of Eligibility Information or Mynaportal either. The share is the usual one, never 100%.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>暗証番号ロック</source>
        <translation>PIN locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{advice}または{check}ロック解除は住民票のある市区町村の窓口です。</source>
        <translation>{advice} Or: {check} The lock is reset at the city office where the patient is registered.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{advice}または{check}</source>
        <translation>{advice} Or: {check}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>受付中</source>
        <translation>Check-in in progress</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>エラー {code}: 電子証明書の失効・有効期限切れ（一時保留）</source>
        <translation>Error {code}: electronic certificate revoked or expired (suspended)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{check}電子証明書の更新は市区町村で行うよう案内してください。カード紛失の届け出後なら、マイナンバー総合フリーダイヤル 0120-95-0178。</source>
        <translation>{check} Tell the patient to renew the electronic certificate at the city office. If the lost card has been reported: My Number toll-free line 0120-95-0178.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{check}電子証明書の更新は市区町村で行うよう案内してください。</source>
        <translation>{check} Tell the patient to renew the electronic certificate at the city office.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>カードリーダーで利用登録ができます。登録しない場合は{check}</source>
        <translation>The patient can register at the card reader. If not registering: {check}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>資格を確認しました。受付を進めてください。電子証明書の期限切れ後の猶予期間のため、資格情報の提供のみです（医療情報の提供はありません）。更新を案内してください。</source>
        <translation>Eligibility confirmed. Continue the check-in. The electronic certificate has expired and is in its grace period, so only eligibility information is provided (no medical information). Advise renewal.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>資格を確認しました。受付を進めてください。電子証明書の更新時期です。市区町村での更新を案内してください。</source>
        <translation>Eligibility confirmed. Continue the check-in. The electronic certificate is due for renewal: advise renewal at the city office.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{check}新しい資格があります。新しい保険の資格確認書などで確認してください。考えられる原因: {cause}</source>
        <translation>{check} A newer eligibility exists: check it with the new insurance&apos;s Certificate of Eligibility or similar. Possible cause: {cause}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{check}新しい資格があります。新しい保険の資格確認書などで確認してください。</source>
        <translation>{check} A newer eligibility exists: check it with the new insurance&apos;s Certificate of Eligibility or similar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{check}有効な資格が複数あります。どの保険で受診するか本人に確認してください。考えられる原因: {cause}</source>
        <translation>{check} There are several valid eligibility records: ask the patient which insurance to use. Possible cause: {cause}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{check}有効な資格が複数あります。どの保険で受診するか本人に確認してください。</source>
        <translation>{check} There are several valid eligibility records: ask the patient which insurance to use.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{check}考えられる原因: {cause}</source>
        <translation>{check} Possible cause: {cause}</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>エラー {code}: 電子証明書の失効・有効期限切れ</source>
        <translation>Error {code}: electronic certificate revoked or expired</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>保険証利用登録なし</source>
        <translation>Not registered for use as a health insurance card</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>別人の資格情報が表示されています（表示: {name} {birth_date:%Y-%m-%d}、カード: {holder} {holder_birth}）。誤紐づけの可能性があります。</source>
        <translation>Another person&apos;s eligibility is shown (shown: {name} {birth_date:%Y-%m-%d}; card: {holder} {holder_birth}). The card may be linked to the wrong person.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>受付停止: 誤紐づけの疑い（資格有効性 {code} {label}）</source>
        <translation>Stop the check-in: possible wrong link (eligibility {code} {label})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>この資格情報で受付を進めないでください。本人に氏名・生年月日を確認し、他人の医療情報は閲覧しないでください。資格は資格確認書などで確認します。本人には、加入している保険者か {contact} に連絡するよう案内してください。</source>
        <translation>Do not continue the check-in with this eligibility. Confirm the patient&apos;s name and date of birth, and do not view the other person&apos;s medical information. Confirm eligibility with the Certificate of Eligibility or another document. Ask the patient to contact their insurer or the {contact}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>資格有効性 {code} {label}</source>
        <translation>Eligibility {code} {label}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>医療扶助の資格は有効ですが、オンライン資格確認には未登録です。福祉事務所が発行した医療券・調剤券で確認して受付してください。</source>
        <translation>The medical aid eligibility is valid but not registered online. Check the medical or dispensing ticket issued by the welfare office and continue the check-in.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>資格を確認しました。受付を進めてください。</source>
        <translation>Eligibility confirmed. Continue the check-in.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/machine.py" line="-12"/>
        <source>リーダー使用不可</source>
        <translation>Reader unavailable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>待機（カードを置いてください）</source>
        <translation>Waiting (place a card)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>読み取り中</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>読み取り失敗</source>
        <translation>Read failed</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../kiosk/ui/screens.py" line="+568"/>
        <source>健康保険証の読取確認</source>
        <translation>Health insurance card check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本人確認方法の選択</source>
        <translation>Choosing the identity check</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>「顔認証」か「暗証番号」（数字4桁）を選びます。暗証番号はご本人が入力し、職員に伝える必要はありません。</source>
        <translation>Choose “Face recognition” or “PIN” (4 digits). You enter the PIN yourself; there is no need to tell it to the staff.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>暗証番号入力</source>
        <translation>PIN entry</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>カードの顔写真と照合します。マスクを外し、動かずに画面の枠に顔を合わせます。うまくいかないときは「暗証番号に切り替える」を押します。</source>
        <translation>Your face is compared with the photo on the card. Take off your mask, keep still and fit your face in the frame. If it does not work, press “Use PIN instead”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>顔認証（認証中）</source>
        <translation>Face recognition (checking)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../kiosk/ui/screens.py" line="+41"/>
        <source>職員による目視確認</source>
        <translation>Visual check by staff</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>暗証番号確認中</source>
        <translation>Checking PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>資格確認中</source>
        <translation>Checking eligibility</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保険証利用登録</source>
        <translation>Registration for use as a health insurance card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>同意の選択</source>
        <translation>Consent choice</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>個別の同意</source>
        <translation>Individual consent</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../kiosk/scenarios/tags.py" line="-17"/>
        <source>高額療養費</source>
        <translation>High-cost medical care benefit</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>処方箋形式</source>
        <translation>Prescription type</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../kiosk/ui/screens.py" line="-182"/>
        <source>医療費助成</source>
        <translation>Medical expense subsidy</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>iPhoneは先に顔認証・指紋認証をすませます。新しいスマートフォンはカードを追加し直すまで使えません。読み取れないときは、マイナンバーカードをこの読み取り機に置いてください。</source>
        <translation>iPhone: confirm with Face ID or Touch ID first. A new phone works only once the card is added to it again. If the phone cannot be read, place your My Number Card on this reader.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/visit.py" line="+40"/>
        <location filename="../../kiosk/flow/machine.py" line="-69"/>
        <source>受付完了</source>
        <translation>Check-in complete</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/machine.py" line="+9"/>
        <source>操作がないため中止</source>
        <translation>Cancelled (no activity)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>マイナ保険証で確認できず（代わりの書類）</source>
        <translation>Not confirmed by My Number Card (other documents)</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/visit.py" line="+1"/>
        <source>受付完了（誤紐づけ）</source>
        <translation>complete (mislinked)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代わりの書類</source>
        <translation>other documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中止</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>診療・薬剤</source>
        <translation>Treatment and medication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手術</source>
        <translation>Surgery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>特定健診</source>
        <translation>Specific health checkup</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/identity.py" line="+98"/>
        <source>正面を向いて静止</source>
        <translation>Facing front, still</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>マスクをしている</source>
        <translation>Wearing a mask</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>途中で動いた</source>
        <translation>Moved midway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>離れすぎ</source>
        <translation>Too far</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>近すぎ</source>
        <translation>Too close</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>画面の枠に顔を合わせてください。</source>
        <translation>Please fit your face in the frame on the screen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>もう少し近づいて、画面の枠に顔の大きさを合わせてください。</source>
        <translation>Please move a little closer so your face fits the frame.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>少し離れて、画面の枠に顔の大きさを合わせてください。</source>
        <translation>Please move back a little so your face fits the frame.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>マスクを外してください。</source>
        <translation>Please remove your mask.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>動かないでください。最初からやり直します。</source>
        <translation>Please keep still. Starting over.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>顔認証を続けて失敗したため、このカードでは顔認証を使えません。暗証番号を選ぶか、職員にお声がけください。</source>
        <translation>Face recognition failed too many times and cannot be used with this card. Please choose PIN or ask the staff.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/reception.py" line="+67"/>
        <source>カードリーダーが故障しています。次のいずれかを受付窓口で提示してください。</source>
        <translation>The card reader is out of order. Please show one of the following at the reception desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="+8"/>
        <source>加入している保険者（勤務先）に、マイナンバーの登録状況を確認してください。反映されるまでは、マイナポータルの資格情報画面にも表示されません。</source>
        <translation>Ask your insurer (employer) whether your My Number is registered. Until it is reflected, the Mynaportal eligibility screen does not show it either.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>加入している保険者（勤務先）に、どの保険で受診するかを確認してください。</source>
        <translation>Ask your insurer (employer) which insurance to use for this visit.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/reception.py" line="+43"/>
        <source>カードリーダーを準備しています</source>
        <extracomment>The states in which the patient is choosing or performing the identity step. 受付完了 after a スマホ保険証 visit: the phone was taken away during the consents and nothing is left on the face reader, so the screen gives way to the next patient after a short read instead of the inactivity time. A design choice [unverified]: no public source gives the real readers&apos; time for this screen.</extracomment>
        <translation>Preparing the card reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/identity.py" line="+3"/>
        <source>このカードには顔写真がないため、顔認証はできません。「暗証番号に切り替える」を押してください。</source>
        <translation>This card has no photo, so face recognition is not possible. Please press “Use PIN instead”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>顔認証できませんでした。もう一度、枠に顔を合わせてください。「暗証番号に切り替える」こともできます。</source>
        <translation>Face not recognized. Please fit your face in the frame again, or press “Use PIN instead”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/reception.py" line="-42"/>
        <source>カードの取り忘れにご注意ください。カードをお取りください。</source>
        <translation>Don&apos;t forget your card. Please take your card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/identity.py" line="+2"/>
        <source>目視モード用パスワードが違います。</source>
        <translation>Wrong visual check mode password.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="-46"/>
        <source>マイナ保険証の利用登録をしませんでした</source>
        <translation>You did not register the card for use as a health insurance card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このカードは健康保険証としての利用登録がされていません。</source>
        <translation>This card is not registered for use as a health insurance card.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>利用登録は、このカードリーダーやマイナポータルでいつでもできます。</source>
        <translation>You can register at any time on this card reader or on Mynaportal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/visit.py" line="+12"/>
        <source>電子処方箋</source>
        <translation>Electronic prescription</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>紙の処方箋</source>
        <translation>Paper prescription</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="+13"/>
        <source>電子証明書が使えません</source>
        <translation>The electronic certificate cannot be used</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>電子証明書の更新・再発行は、住民票のある市区町村の窓口で行えます。</source>
        <translation>You can renew or reissue the electronic certificate at the city office where you are registered as a resident.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>資格が複数見つかりました</source>
        <translation>More than one eligibility record was found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資格情報が見つかりませんでした</source>
        <translation>No eligibility information was found</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>（{validity}）{cause}</source>
        <translation>({validity}) {cause}</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/card_io.py" line="+42"/>
        <source>カードの読み取り中にエラーが発生しました。カードを置き直してください。</source>
        <translation>An error occurred while reading the card. Please place the card again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/fallback.py" line="+20"/>
        <source>電子証明書の有効期限が切れています。資格情報の提供のみ行います。市区町村で更新してください。</source>
        <translation>The electronic certificate has expired. Only your eligibility information will be provided. Please renew it at your city office.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>電子証明書の有効期限が近づいています。市区町村で更新手続きをしてください。</source>
        <translation>The electronic certificate expires soon. Please renew it at your city office.</translation>
    </message>
    <message>
        <location filename="../../kiosk/personas.py" line="+72"/>
        <source>{name}（{relation}・{age}歳）</source>
        <translation>{name} ({relation}, {age})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}（{age}歳）</source>
        <translation>{name} ({age})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/card_picker.py" line="+32"/>
        <source>カード置き場（練習用）</source>
        <translation>Card tray (practice)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>練習用のカード</source>
        <translation>Practice cards</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>カードを選んで「カードを置く」を押してください。子どものカードは保護者が暗証番号を入力します。</source>
        <translation>Please choose a card and press “Place card”. For a child&apos;s card, a parent enters the PIN.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>カードを置く</source>
        <translation>Place card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>カードを取る</source>
        <translation>Take card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>練習用カードのロックを解除</source>
        <translation>Unlock practice card</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>市区町村の窓口で行う暗証番号の初期化の代わりです（練習用カードだけ）</source>
        <translation>Stands in for the PIN reset at the city office (practice cards only)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>練習用暗証番号 {pin}</source>
        <translation>Practice PIN {pin}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>暗証番号なし（顔認証マイナンバーカード）</source>
        <translation>No PIN (face-recognition-only card)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{person}のカード</source>
        <translation>Card: {person}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ICチップのないカード
（健康保険証・資格確認書）</source>
        <translation>Card without IC chip
(insurance card, Certificate of Eligibility)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>マイナンバーカード以外
（{card}）</source>
        <translation>Not a My Number Card
({card})</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>健康保険証・資格確認書</source>
        <translation>Health insurance card / Certificate of Eligibility</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ロックを解除できるのは、練習用のマイナンバーカードだけです。</source>
        <translation>Only a practice My Number Card can be unlocked.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}さんのカードのロックを解除しました（練習用）。</source>
        <translation>Unlocked {name}&apos;s card (practice).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/controller.py" line="+149"/>
        <source>シナリオ: {title}（{date:%Y-%m-%d} 時点）</source>
        <translation>Scenario: {title} (as of {date:%Y-%m-%d})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>画面: {screen}（{message}）</source>
        <translation>Screen: {screen} ({message})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>画面: {screen}</source>
        <translation>Screen: {screen}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>受付記録: {outcome} {who} {summary} {method}</source>
        <translation>Check-in record: {outcome} {who} {summary} {method}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>結果ファイル: {path}</source>
        <translation>Result file: {path}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>結果ファイル（再試行で書けました）: {path}</source>
        <translation>Result file (written on a retry): {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>結果ファイルを{count}件書けていません（{reason}）。{seconds}秒ごとに書き直します。書き込み先: {folder}</source>
        <translation>{count} result file(s) not written ({reason}). Trying again every {seconds} seconds. Folder: {folder}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>保存待ちの結果ファイルをすべて書きました</source>
        <translation>Every result file waiting to be written has been written</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>カードリーダー: 仮想リーダー（練習用・アプリ内）</source>
        <translation>Card reader: virtual reader (practice, in the app)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>カードリーダー: {reader}</source>
        <translation>Card reader: {reader}</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>カードリーダーが接続されていません</source>
        <translation>No card reader connected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>カードリーダーが接続されていません。接続を確認してください。</source>
        <translation>No card reader connected. Please check the connection.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>スマートカードサービスに接続できません</source>
        <translation>Cannot connect to the smart card service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>スマートカードサービスに接続できません。</source>
        <translation>Cannot connect to the smart card service.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>スマートカードサービスに再接続しました</source>
        <translation>Reconnected to the smart card service</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="+35"/>
        <location filename="../../kiosk/cli.py" line="+813"/>
        <location line="+44"/>
        <location filename="../../kiosk/ui/language.py" line="+78"/>
        <location filename="../../kiosk/ui/main_window.py" line="+195"/>
        <location line="+24"/>
        <source>マイナ受付シミュレータ</source>
        <extracomment>The Japanese names in the help (the screens&apos; and menus&apos; own words, as the Japanese UI shows them) and what ``kiosk --lang en --help`` says instead: the English UI&apos;s words where it has them. The Qt-free modules (and what they import) the reader&apos;s screen needs, loaded before PySide6. ... and those only the full window needs: the staff console&apos;s and the practice panel&apos;s rules, the card emulation, the JPKI client and asyncio for card work (``kiosk --check`` reads no card and shows neither panel).
----------
``notifier.changed`` is emitted after ``switch`` has put the new language in: windows re-set their texts. (Qt also sends every widget a LanguageChange event, but hearing it takes a Python ``changeEvent``, and passing events through one makes PySide set up its event types at start-up: ~5 ms, docs/performance.md.)</extracomment>
        <translation>My Number Reception Simulator</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="-5"/>
        <source>顔認証付きカードリーダーの画面</source>
        <translation>Face-recognition card reader screen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>練習の日付</source>
        <translation>Practice date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>カードの扱い</source>
        <translation>How this card is used</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>カード</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>スマートフォン</source>
        <translation>Smartphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>カードかスマートフォンか</source>
        <translation>Card or smartphone</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>全画面表示を終わる（F11）</source>
        <translation>Leave full screen (F11)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>資格確認端末を前に出す（F12）</source>
        <translation>Show the eligibility check terminal (F12)</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../kiosk/ui/staff_console.py" line="+288"/>
        <source>結果ファイルの警告</source>
        <translation>Result file warning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>カードリーダーの警告</source>
        <translation>Card reader warning</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>大きな文字(&amp;L)</source>
        <translation>&amp;Large text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ハイコントラスト(&amp;H)</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>音声案内(&amp;S)</source>
        <translation>&amp;Spoken guidance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>音声案内（このパソコンでは使えません）</source>
        <translation>Spoken guidance (not available on this computer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>読み上げの部品（PySide6-Addons の QtTextToSpeech）が入っていません</source>
        <translation>The speech part (QtTextToSpeech from PySide6-Addons) is not installed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全画面表示（リーダーだけ）(&amp;F)</source>
        <translation>&amp;Full screen (reader only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資格確認端末を前に出す(&amp;C)</source>
        <translation>Show the eligibility check &amp;terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>言語 / Language(&amp;G)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>翻訳ファイルがありません（scripts/run で作られます）</source>
        <translation>Translation file missing (scripts/run builds it)</translation>
    </message>
    <message>
        <location line="+277"/>
        <source>練習用のカードと家族で練習</source>
        <translation>Practice cards and family practice</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{first}。{second}</source>
        <translation>{first}. {second}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/practice_panel.py" line="+95"/>
        <source>&lt;b&gt;なぜ：&lt;/b&gt;{why}</source>
        <translation>&lt;b&gt;Why:&lt;/b&gt; {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>次に持って行くもの（どれか一つ）：</source>
        <translation>Next time, bring one of these:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>相談先：</source>
        <translation>Whom to contact:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{who}&lt;/b&gt;：{what}</source>
        <translation>&lt;b&gt;{who}&lt;/b&gt;: {what}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;家で確認：&lt;/b&gt;{at_home}</source>
        <translation>&lt;b&gt;Check at home:&lt;/b&gt; {at_home}</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+4"/>
        <source>家族で練習</source>
        <translation>Family practice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>練習する場面</source>
        <translation>Situation to practice</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ほかの場面を練習する：</source>
        <translation>Practice another situation:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>この場面で練習する</source>
        <translation>Practice this</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>もしも…（スマホ保険証）：</source>
        <translation>What if… (phones):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>もしも…（スマホ保険証）</source>
        <translation>What if… (phones)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ヒントを表示（実際のリーダーには出ません）</source>
        <translation>Show hints (real readers don&apos;t)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ヒント</source>
        <translation>Hint</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>この場面と、今回の受付の説明</source>
        <translation>About this situation and this check-in</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>この練習の目視モード用パスワード：{password}</source>
        <translation>Visual-check password in this practice: {password}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens.py" line="-509"/>
        <source>カードリーダーが使用できません</source>
        <extracomment>Its labels&apos; lines balanced (``_label``); not on the way to the idle screen (kiosk.ui.widgets).</extracomment>
        <translation>The card reader cannot be used</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>受付窓口にお声がけください。</source>
        <translation>Please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>マイナンバーカードを
置いてください</source>
        <translation>Please place your
My Number Card</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>カード置き場</source>
        <translation>Place card here</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>職員がカードをお預かりしたり、
暗証番号を伺うことはありません。</source>
        <translation>Staff will never take your card
or ask for your PIN.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+793"/>
        <source>読み取り中です</source>
        <translation>Reading...</translation>
    </message>
    <message>
        <location line="-793"/>
        <location line="+195"/>
        <source>カードを動かさないでください。</source>
        <translation>Please do not move the card.</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>読み取りに失敗しました</source>
        <translation>Could not read the card</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>カードケースから取り出して、マイナンバーカードを置き直してください。読み取れない場合は受付窓口にお声がけください。</source>
        <translation>Please take your My Number Card out of its case and place it again. If it still cannot be read, please ask at the reception desk.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+186"/>
        <location line="+62"/>
        <location line="+346"/>
        <location line="+15"/>
        <source>カードをお取りください</source>
        <translation>Please take your card</translation>
    </message>
    <message>
        <location line="-600"/>
        <source>本人確認の方法を選択してください</source>
        <translation>Please choose how to confirm your identity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>顔認証で本人確認</source>
        <translation>Confirm identity by face recognition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>暗証番号で本人確認</source>
        <translation>Confirm identity by PIN</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+228"/>
        <location line="+271"/>
        <source>職員用：目視確認</source>
        <translation>Staff: visual check</translation>
    </message>
    <message>
        <location line="-499"/>
        <location line="+228"/>
        <location line="+271"/>
        <source>職員による目視確認を始める</source>
        <translation>Start a visual check by staff</translation>
    </message>
    <message>
        <location line="-476"/>
        <source>暗証番号（数字4桁）を
入力してください</source>
        <translation>Please enter your
4-digit PIN</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>入力した桁数</source>
        <translation>Digits entered</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>訂正</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1桁消す（訂正）</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>確定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>暗証番号を確定</source>
        <translation>Confirm PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pending_results.py" line="+34"/>
        <source>結果ファイルが未保存です</source>
        <translation>Result files not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>書けていない結果ファイルが{count}件あります。</source>
        <translation>{count} result file(s) have not been written.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>別のフォルダに保存…</source>
        <translation>Save in another folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もう一度書き込む</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存せずに終了</source>
        <translation>Quit without them</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/ui/screens.py" line="-177"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>結果ファイルの保存先</source>
        <translation>Folder for the result files</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens.py" line="+186"/>
        <location line="+443"/>
        <location line="+128"/>
        <source>本人確認方法の選択に戻る</source>
        <translation>Back to choosing how to confirm identity</translation>
    </message>
    <message>
        <location line="-564"/>
        <source>数字 {digit}</source>
        <translation>Digit {digit}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{count}桁入力済み（{total}桁中）</source>
        <translation>{count} of {total} digits entered</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>残り入力回数：{tries}回</source>
        <translation>Tries left: {tries}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>暗証番号が違います。
あと{tries}回間違えるとロックされます。</source>
        <translation>Wrong PIN.
The card locks after {tries} more wrong tries.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>暗証番号が違います。
次に間違えるとロックされます。</source>
        <translation>Wrong PIN.
The card locks if the next try is wrong.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>確認しています</source>
        <translation>Checking...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>受付が完了しました</source>
        <translation>Check-in complete</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>お名前を呼ばれるまでお待ちください。</source>
        <translation>Please wait until your name is called.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>次のいずれかを受付窓口で提示してください</source>
        <translation>Please show one of these at the reception desk</translation>
    </message>
    <message>
        <location line="-295"/>
        <location line="+349"/>
        <source>・{document}</source>
        <translation>• {document}</translation>
    </message>
    <message>
        <location line="-337"/>
        <source>カードをカバーやケースから取り出して、
読み取り部に置いてください。</source>
        <translation>Please take the card out of its cover or case and place it on the reader.</translation>
    </message>
    <message>
        <location line="+347"/>
        <source>資格を確認しています</source>
        <translation>Checking your eligibility</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>しばらくお待ちください。カードを動かさないでください。</source>
        <translation>Please wait. Do not move the card.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>マイナンバーカードの
健康保険証利用登録</source>
        <translation>Register your My Number Card
as a health insurance card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>このカードは健康保険証として利用する登録がされていません。今、登録しますか。</source>
        <translation>This card is not registered for use as a health insurance card. Register it now?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登録する</source>
        <translation>Register</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登録しない</source>
        <translation>Don&apos;t register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>登録は一度だけです。保険が変わっても登録し直す必要はありません。</source>
        <translation>You only need to register once, even if your insurance changes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>過去の医療情報などの提供</source>
        <translation>Sharing your past medical information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>診療・薬剤、手術、特定健診などの情報を、この医療機関に提供することに同意しますか。</source>
        <translation>Do you consent to sharing your treatment and medication, surgery, specific health checkup and other information with this medical facility?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全て同意する</source>
        <translation>Agree to all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>個別に同意する</source>
        <translation>Choose individually</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>「個別に同意する」では、項目ごとに「同意する」「同意しない」を選べます。</source>
        <translation>With “Choose individually”, you can choose “Agree” or “Disagree” for each item.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>情報ごとに選んでください</source>
        <translation>Please choose for each type of information</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{topic}情報</source>
        <translation>{topic}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>同意する</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{topic}情報の提供に同意する</source>
        <translation>Agree to share information: {topic}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同意しない</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{topic}情報の提供に同意しない</source>
        <translation>Do not agree to share information: {topic}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>同意の選択に戻る</source>
        <translation>Back to the consent choice</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>高額療養費制度</source>
        <translation>High-cost medical care benefit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>高額療養費制度を利用しますか。利用すると、限度額情報がこの医療機関に提供され、窓口での支払いが自己負担限度額までになります。</source>
        <translation>Do you want to use the high-cost medical care benefit? Your payment limit information goes to this medical facility, and you pay no more than your limit at the desk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>高額療養費制度を利用する</source>
        <translation>Use the benefit</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>利用しない</source>
        <translation>Don&apos;t use</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>処方箋の受け取り方法</source>
        <translation>How to get your prescription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>処方箋の形式を選んでください。</source>
        <translation>Please choose the type of prescription.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>医療費助成の各種受給者証を利用しますか。</source>
        <translation>Do you want to use a medical subsidy certificate?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>利用する</source>
        <translation>Use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紙の受給者証（医療証）も、引き続き窓口で提示してください。</source>
        <translation>Please still show your paper medical subsidy certificate at the desk.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>（カメラ）

枠に顔を
合わせてください</source>
        <translation>(Camera)

Fit your face
in the frame</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>練習：{condition}</source>
        <translation>Practice: {condition}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>練習用：カメラに写る様子を選んでください</source>
        <translation>Practice: choose what the camera sees</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>暗証番号に切り替える</source>
        <translation>Use PIN instead</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>顔認証の残り回数：{left}回</source>
        <translation>Face recognition tries left: {left}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>認証しています。そのままお待ちください。</source>
        <translation>Checking your face. Please hold still.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>（カメラ）

認証中…</source>
        <translation>(camera)

Checking…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>ICチップのないカードが置かれました。</source>
        <translation>A card without an IC chip was placed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>健康保険証・資格確認書は、受付窓口で職員に提示してください。職員が記号・番号から資格を確認します。マイナンバーカードの場合は、カバーやケースから取り出して置き直してください。</source>
        <translation>Please show your health insurance card or Certificate of Eligibility to the staff at the reception desk. Staff will check your eligibility from its symbol and number. If it is a My Number Card, take it out of its cover or case and place it again.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>（{message}）</source>
        <translation>({message})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>操作がなかったため、
受付を中止しました</source>
        <translation>Check-in cancelled
(no activity)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>もう一度受付するときは、カードを置き直してください。</source>
        <translation>To check in again, please place your card again.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>職員が、ご本人とカードの顔写真を見比べて確認します。</source>
        <translation>Staff will compare you with the photo on your card.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>職員の方へ：医療機関ごとに設定された「目視モード用パスワード」を入力してください（マイナンバーカードの暗証番号ではありません）。</source>
        <translation>For staff: please enter this facility&apos;s visual check mode password (not the My Number Card PIN).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>目視モード用パスワード</source>
        <translation>Visual check mode password</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>確認</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>目視確認を完了する</source>
        <translation>Complete the visual check</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/speech.py" line="+19"/>
        <source>入力がありません</source>
        <extracomment>What is said after 0, 1, 2, 3 and 4 digits: counts in words, one whole text each (never a digit).</extracomment>
        <translation>Nothing entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一桁入力しました</source>
        <translation>One digit entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二桁入力しました</source>
        <translation>Two digits entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>三桁入力しました</source>
        <translation>Three digits entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>四桁入力しました。確定を押してください</source>
        <translation>Four digits entered. Press OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/reception_table.py" line="+25"/>
        <source>時刻</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_lookup.py" line="+41"/>
        <source>個別照会（資格確認端末）</source>
        <translation>Individual look-up (eligibility terminal)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>提示された書類</source>
        <translation>Document shown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保険者番号</source>
        <translation>Insurer number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>記号</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>番号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>枝番</source>
        <translation>Branch number</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../kiosk/ui/reception_table.py" line="+1"/>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>照会する</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>書類の記号・番号などを入力して「照会する」を押してください。</source>
        <translation>Type the document&apos;s symbol, number and the rest, then press “Look up”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照会結果</source>
        <translation>Look-up result</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{date:%Y-%m-%d} 時点で照会します（シナリオの日付）</source>
        <translation>Looks up as of {date:%Y-%m-%d} (the scenario&apos;s date)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>このシナリオにはオンライン資格確認がありません。</source>
        <translation>This scenario has no online eligibility check.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>保険者番号と番号を入力してから「照会する」を押してください。</source>
        <translation>Enter the insurer number and the number, then press “Look up”.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>受付できます</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>この書類だけでは受付できません</source>
        <translation>Not accepted with this document alone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>資格有効性 {code} {label}・{name}・負担 {share}
{verdict}</source>
        <translation>Eligibility {code} {label} · {name} · share {share}
{verdict}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/reception_table.py" line="+1"/>
        <source>保険者</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>記号・番号・枝番</source>
        <translation>Symbol / No. / Branch</translation>
    </message>
    <message>
        <location filename="../../kiosk/scenarios/runner.py" line="-142"/>
        <source>残り{tries}回</source>
        <extracomment>Steps that could not be performed (a subset of the mismatches): what `kiosk scenario check` rejects. What the reader told the patient to present when no visit was recorded (the reader is out of order).</extracomment>
        <translation>tries left: {tries}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>暗証番号が違います</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location line="+138"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+6"/>
        <source>顔認証マイナンバーカード</source>
        <translation>Face-recognition My Number Card</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <location filename="../../kiosk/scenarios/tags.py" line="-2"/>
        <source>目視確認</source>
        <translation>Visual check</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>オンライン資格確認</source>
        <translation>online eligibility check</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+48"/>
        <location filename="../../kiosk/scenarios/tags.py" line="-17"/>
        <source>誤紐づけ</source>
        <translation>Wrong link</translation>
    </message>
    <message>
        <location line="-44"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+2"/>
        <source>個別照会</source>
        <translation>Desk look-up</translation>
    </message>
    <message>
        <location line="+35"/>
        <location filename="../../kiosk/ui/reception_table.py" line="+1"/>
        <source>負担</source>
        <translation>Co-pay</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+65"/>
        <location line="+59"/>
        <location filename="../../kiosk/scenarios/tags.py" line="+9"/>
        <location filename="../../kiosk/ui/reception_table.py" line="+1"/>
        <source>資格有効性</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/reception_table.py" line="+1"/>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本人確認</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{topic}○</source>
        <translation>{topic}: yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{topic}×</source>
        <translation>{topic}: no</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{first}・{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location filename="../../kiosk/scenarios/runner.py" line="-11"/>
        <location filename="../../kiosk/ui/reception_table.py" line="+23"/>
        <source>エラー {code}</source>
        <translation>Error {code}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/reception_table.py" line="+10"/>
        <source>{symbol}・{number}・{branch}</source>
        <translation>{symbol} / {number} / {branch}</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>誤紐づけの可能性があります（別人の資格情報）</source>
        <translation>Possibly mislinked (another person&apos;s eligibility data)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_console.py" line="-15"/>
        <source>資格確認端末（模擬）— マイナ受付シミュレータ</source>
        <translation>Eligibility check terminal (simulated) — My Number Reception Simulator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>資格確認端末（模擬）</source>
        <translation>Eligibility check terminal (simulated)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>シナリオ:</source>
        <translation>Scenario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>シナリオの選択</source>
        <translation>Choose a scenario</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>このシナリオにする</source>
        <translation>Use this scenario</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>受付一覧</source>
        <translation>Check-in list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>シナリオを切り替えられません: {error}</source>
        <translation>Cannot switch the scenario: {error}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/desk_lookup.py" line="-68"/>
        <location filename="../../kiosk/ui/staff_console.py" line="-118"/>
        <source>職員の対応</source>
        <translation>What staff should do</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_console.py" line="-13"/>
        <source>{key}（読み込めません。kiosk scenario check {key} で確かめられます）</source>
        <translation>{key} (cannot be read; kiosk scenario check {key} says why)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>セッションのログ</source>
        <translation>Session log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目視確認を始める（リーダーにパスワード画面を表示）</source>
        <translation>Start visual check (password screen on the reader)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ログを保存</source>
        <translation>Save log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>個別照会（資格確認書などの記号・番号）</source>
        <translation>Individual look-up (numbers of a Certificate of Eligibility etc.)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;（{date:%Y年%m月%d日} 時点）&lt;br&gt;{lesson}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; (as of {date:%Y-%m-%d})&lt;br&gt;{lesson}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>目視確認を始められません: {reason}</source>
        <translation>Cannot start a visual check: {reason}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>ログの保存先</source>
        <translation>Save the session log</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ログファイル (*.log)</source>
        <translation>Log files (*.log)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存する場所：</source>
        <translation>Save in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ファイルの種類：</source>
        <translation>File type:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>ログを保存できません（{reason}）: {path}</source>
        <translation>The log could not be saved ({reason}): {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ログを保存しました: {path}</source>
        <translation>Log saved: {path}</translation>
    </message>
    <message>
        <location filename="../../kiosk/reader_messages.py" line="+172"/>
        <source>公的個人認証APがありません</source>
        <translation>This card has no JPKI application</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>実物のマイナンバーカードには暗証番号を送りません</source>
        <extracomment>Why no PIN went to a real card or phone, as the patient&apos;s screen says it.</extracomment>
        <translation>The PIN is not sent to a real My Number Card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>残り1回のため、実物のカードでは照合しません</source>
        <translation>Only 1 try left, so the PIN is not checked on a real card</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>pyscard が入っていません。PC/SC を使うには {command} を実行してください</source>
        <translation>pyscard is not installed. To use PC/SC, run {command}</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>カードから応答がありません</source>
        <translation>No answer from the card</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>カードが置かれていません</source>
        <translation>No card on the reader</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>カードが取り外されました</source>
        <translation>The card was removed</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>vpcd に接続できません ({address}): pcscd と vsmartcard-vpcd は動いていますか?（{detail}）</source>
        <translation>Cannot connect to vpcd ({address}): are pcscd and vsmartcard-vpcd running? ({detail})</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>練習用NFCカード</source>
        <extracomment>A plain NFC card enrolled as さくら&apos;s training card.</extracomment>
        <translation>NFC practice card</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>交通系ICカード</source>
        <extracomment>The name of each card that is not a My Number card, as the card picker and the tour show it.</extracomment>
        <translation>transit IC card</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/qualification.py" line="+14"/>
        <source>このスマートフォンの電子証明書は失効しています（機種変更などのとき）。新しいスマートフォンにはマイナポータルアプリで改めて追加してください。今日はマイナンバーカードで受付できます。</source>
        <translation>This phone&apos;s certificate has been revoked (as when changing phones). Add the card to your new phone again with the Mynaportal app. Today you can check in with your My Number card.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>このスマートフォンの電子証明書は一時停止されています（紛失の届出など）。マイナンバーカードで受付するか、資格確認書などを提示してください。</source>
        <translation>This phone&apos;s certificate is suspended (for example after reporting it lost). Check in with your My Number card, or show your Certificate of Eligibility or a similar document.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>スマートフォンの電子証明書の有効期限が切れています。マイナポータルアプリで更新の手続きをしてください。今日はマイナンバーカードで受付できます。</source>
        <translation>The phone&apos;s certificate has expired. Renew it with the Mynaportal app. Today you can check in with your My Number card.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>マイナンバーカード（またはその電子証明書）の有効期限が切れているため、スマートフォンは使えません。市区町村で更新したあと、マイナポータルアプリでスマホ用電子証明書の再発行を申請してください。今日はマイナンバーカードを読み取り機に置いてください（期限切れから3か月以内なら資格情報の確認はできます）。</source>
        <translation>Your My Number card (or its certificate) has expired, so the phone cannot be used. After renewing at your city office, apply in the Mynaportal app to have the phone certificate issued again. Today, place your My Number card on the reader (within 3 months of expiry your coverage can still be confirmed).</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/smartphone.py" line="+39"/>
        <location filename="../../kiosk/reader_messages.py" line="-58"/>
        <location filename="../../kiosk/ui/screens.py" line="+135"/>
        <source>スマートフォンを読み取れませんでした</source>
        <translation>The phone could not be read</translation>
    </message>
    <message>
        <location filename="../../kiosk/reader_messages.py" line="-118"/>
        <source>実物のスマートフォンには暗証番号を送りません</source>
        <translation>A PIN is never sent to a real phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>残り1回のため、実物のスマートフォンでは照合しません</source>
        <translation>One try left: the PIN is not checked on a real phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>残り回数が0回（ロック中、または暗証番号を設定していないカード）のため、実物のカードでは照合しません</source>
        <translation>No tries left (the card is locked, or has no PIN set), so the PIN is not checked on a real card</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>残り回数が0回（ロック中）のため、実物のスマートフォンでは照合しません</source>
        <translation>No tries left (locked), so the PIN is not checked on a real phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>残り回数を読み取れないため、実物のカードでは照合しません</source>
        <translation>Its tries left could not be read, so the PIN is not checked on a real card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>残り回数を読み取れないため、実物のスマートフォンでは照合しません</source>
        <translation>Its tries left could not be read, so the PIN is not checked on a real phone</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>vpcd ブリッジはループバックアドレス（127.0.0.1、::1、localhost）にしかつなぎません: {host}</source>
        <translation>The vpcd bridge only connects to a loopback address (127.0.0.1, ::1, localhost): {host}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>スマートカードサービスとの接続が切れました。</source>
        <translation>Lost the connection to the smart card service.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>カードリーダーが見つかりません: {reader}</source>
        <translation>Card reader not found: {reader}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>スマートカードサービス (pcscd) に接続できません。Debian・Ubuntu では {start} で起動してください（入っていなければ、先に {install}）。</source>
        <extracomment>The commands that start and install the smart card service on Debian and Ubuntu (pcscd and the CCID driver most USB readers need), as the message shows them.</extracomment>
        <translation>Cannot connect to the smart card service (pcscd). On Debian or Ubuntu, start it with {start} (if it is not installed, first {install}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>スマートカードサービスに接続できません。スマートカードのサービスが動いているか確認してください。</source>
        <translation>Cannot connect to the smart card service. Check that the smart card service is running.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>仮想カードリーダーしかありません: {readers}。仮想リーダー (vsmartcard の vpcd) には、そのポートにつながるプログラムなら何でもカードを差し出せるため、名前を指定したときだけ使います: --reader pcsc:名前（例: --reader &apos;pcsc:{example}&apos;）</source>
        <translation>Only virtual card readers are present: {readers}. Any program that reaches a virtual reader&apos;s port (vsmartcard&apos;s vpcd) can present a card there, so one is used only when named: --reader pcsc:NAME (for example --reader &apos;pcsc:{example}&apos;)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PC/SC のカードリーダーが見つかりません。USB のカードリーダーの接続を確認してください。vsmartcard の仮想リーダー (vpcd) なら、そのポート（既定 35963）を他のプログラムが使っていないか確認し、pcscd を再起動してください</source>
        <translation>pcscd is running but reports no readers: check the USB card reader&apos;s connection. For vsmartcard&apos;s virtual reader (vpcd), check that no other program holds its port (35963 by default) and restart pcscd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>名前に {name} を含む PC/SC のカードリーダーはありません。カードリーダー: {readers}</source>
        <translation>No PC/SC reader&apos;s name contains {name}; readers: {readers}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ほかのプログラムがカードリーダー {reader} のカードにつながっているため、排他モード（--share exclusive）では接続できません。公的個人認証の利用者クライアントソフトなど、カードを使うほかのプログラムを終了してから、カードを置き直してください。</source>
        <translation>Another program is connected to the card on the reader {reader}, so the kiosk cannot connect in exclusive mode (--share exclusive). Quit the other programs that use the card, such as the JPKI user client software, then place the card again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ほかのプログラムがカードリーダー {reader} のカードを使用中です。公的個人認証の利用者クライアントソフトなど、カードを使うほかのプログラムの処理が終わるのを待つか、そのプログラムを終了してから、カードを置き直してください。</source>
        <translation>Another program is using the card on the reader {reader}. Wait until the other programs that use the card, such as the JPKI user client software, are done, or quit them, then place the card again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>iPhoneで顔認証（Face ID）または指紋認証（Touch ID）を済ませてください</source>
        <translation>Confirm with Face ID or Touch ID on your iPhone first</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>カードを読み取れませんでした</source>
        <translation>The card could not be read</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>カードリーダー {reader} のカードは、指定した通信プロトコル ({protocols}) では使えません。--protocol any（既定: T=0 と T=1 のどちらでも）で試すか、ほかのプログラムが別のプロトコルでカードを使っていないか確認してください。</source>
        <translation>The card on the reader {reader} cannot be used with the protocol asked for ({protocols}). Try --protocol any (the default: T=0 or T=1), or check that no other program uses the card with another protocol.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>読み取りの途中で、ほかのプログラムがカードリーダー {reader} のカードをリセットしました。カードを置き直してください。練習中に割り込まれないようにするには --share exclusive で起動してください。</source>
        <translation>Another program reset the card on the reader {reader} during the reading. Place the card again. To keep other programs out during practice, start the kiosk with --share exclusive.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>カードの応答がマイナンバーカードのものではありません</source>
        <translation>The card did not answer as a My Number card does</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>カードリーダーでエラーが発生しました</source>
        <translation>The card reader reported an error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>カードの読み取り中にエラーが発生しました。</source>
        <translation>An error occurred while reading the card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/scenarios/tags.py" line="-29"/>
        <source>子ども</source>
        <extracomment>The known tags, in the order docs/scenarios.md lists them: who, what happens, which card or document.</extracomment>
        <translation>Child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新生児</source>
        <translation>Newborn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>乳児</source>
        <translation>Infant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>高齢者</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>後期高齢者</source>
        <translation>Late-stage elderly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家族で受付</source>
        <translation>Family check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>職員向け</source>
        <translation>For staff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>通常</source>
        <translation>Usual visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>初診</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>初回登録</source>
        <translation>First registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>転職</source>
        <translation>Job change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>扶養変更</source>
        <translation>Dependent transfer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>マイナンバー未提出</source>
        <translation>My Number not given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ロック</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>紛失</source>
        <translation>Lost card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>機種変更</source>
        <translation>New phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>機器トラブル</source>
        <translation>Equipment failure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>暫定措置</source>
        <translation>Interim measure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>非対応</source>
        <translation>Not supported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2025年</source>
        <translation>2025</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>資格無効</source>
        <translation>Invalid eligibility</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>資格情報なし</source>
        <translation>No eligibility information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>負担割合</source>
        <translation>Co-pay rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>医療扶助</source>
        <translation>Medical aid</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>顔写真なし</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>電子証明書</source>
        <translation>Electronic certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更新アラート</source>
        <translation>Renewal alert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>猶予期間</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期限切れ</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一時保留</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>失効</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>スマホ保険証</source>
        <translation>Phone as insurance card</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../kiosk/ui/screens.py" line="-75"/>
        <location filename="../../hardware/phone.py" line="+74"/>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>従来の保険証</source>
        <translation>Old health insurance card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>資格情報のお知らせ</source>
        <translation>Notice of Eligibility Information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>被保険者資格申立書</source>
        <translation>Eligibility declaration form</translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../kiosk/ui/screens.py" line="+2"/>
        <location filename="../../hardware/phone.py" line="+0"/>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <location filename="../../kiosk/resultfile.py" line="+119"/>
        <location line="+1"/>
        <source>ディスクの空きがありません</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>読み取り専用の場所です</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>書き込む権限がありません</source>
        <translation>no permission to write there</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>フォルダがありません</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>フォルダではありません</source>
        <translation>it is not a folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ディスクまたはネットワークの読み書きでエラーが起きました</source>
        <translation>a disk or network read/write error</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>書き込めません（システムのエラー {code}）</source>
        <translation>cannot write (system error {code})</translation>
    </message>
    <message>
        <location filename="../../kiosk/scenarios/loader.py" line="+107"/>
        <source>練習の日付: {date:%Y-%m-%d}（今日ではなく、この日のルールで練習します）</source>
        <translation>Practice date: {date:%Y-%m-%d} (not today; that day&apos;s rules apply)</translation>
    </message>
    <message>
        <location filename="../../kiosk/problems.py" line="+27"/>
        <source>シナリオファイルを読み込めません: {file}（詳しくは kiosk scenario check {file} で確かめられます）</source>
        <translation>The scenario file cannot be read: {file} (kiosk scenario check {file} says why)</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/identity.py" line="-94"/>
        <source>このカードには顔写真がないため、顔認証はできません。「暗証番号」を選んでください。</source>
        <translation>This card has no photo, so face recognition is not possible. Please choose “PIN”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>顔写真のないカード（1歳未満で作ったカード）は目視確認できません。暗証番号で受付するか、資格確認書などを提示してください。</source>
        <translation>A card without a photo (made before the age of 1) cannot be checked visually. Check in with the PIN, or show the Certificate of Eligibility or another document.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>このカードは暗証番号が設定されていません（顔認証マイナンバーカード）。顔認証か、職員による目視確認で本人確認をします。</source>
        <translation>This card has no PIN (a face-recognition My Number Card). Identity is checked by face recognition or a visual check by staff.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>顔写真のないカードのため、顔認証・目視確認はできません（暗証番号のみ）。暗証番号がわからなければ、資格確認書などで資格を確認してください。</source>
        <translation>The card has no photo: neither face recognition nor a visual check is possible (PIN only). If the PIN is not known, confirm eligibility with the Certificate of Eligibility or another document.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>暗証番号のないカード（顔認証マイナンバーカード）です。顔認証か目視確認で本人確認してください。</source>
        <translation>The card has no PIN (a face-recognition My Number Card). Check identity by face recognition or a visual check.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>顔認証ができれば顔認証で、できなければ目視確認（目視モード用パスワード）で本人確認してください。</source>
        <translation>Check identity by face recognition if possible, otherwise by a visual check (visual check mode password).</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/qualification.py" line="-26"/>
        <source>スマートフォン（生体認証）</source>
        <translation>Smartphone (biometrics)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>スマートフォン（暗証番号）</source>
        <translation>Smartphone (PIN)</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/practice.py" line="-78"/>
        <location line="+148"/>
        <location line="+13"/>
        <source>マイナポータルアプリ</source>
        <translation>The Mynaportal app</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>スマートフォンの設定・電子証明書・暗証番号の確認</source>
        <translation>Checking the phone&apos;s setup, its certificate and its PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/machine.py" line="+11"/>
        <source>スマートフォンの種類の選択</source>
        <translation>Choice of phone type</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>iPhoneはiPhoneで顔認証・指紋認証をします。Androidはスマホ用電子証明書の暗証番号（カードとは別）をこの画面で入力します。どちらも、そのあと横の読み取り機にかざします。</source>
        <translation>An iPhone confirms with Face ID or Touch ID on the iPhone. On Android, the PIN of the phone&apos;s certificate (not the card&apos;s) is typed on this screen. Either way, the phone is then held over the reader beside it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>スマホ用暗証番号入力</source>
        <translation>Phone PIN entry</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>スマートフォンに設定した暗証番号（数字4桁）です。マイナンバーカードの暗証番号とは別で、まちがえた回数もスマートフォンで数えます。ロックの解除はマイナポータルアプリで、実物のカードを使って行います。</source>
        <translation>This is the 4-digit PIN set on the phone. It is not the My Number Card&apos;s PIN, and wrong tries are counted on the phone. A lock is released in the Mynaportal app, with the card itself.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>スマートフォンをかざす</source>
        <translation>Hold the phone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>今までの読み取り機はスマートフォンを読めないため、横に置いた汎用カードリーダーにかざします（1〜2秒）。iPhoneは、先にiPhoneで顔認証・指紋認証をすませます。</source>
        <translation>Existing readers cannot read phones, so the phone is held over the general-purpose card reader beside it (1–2 seconds). With an iPhone, confirm with Face ID or Touch ID on the iPhone first.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>スマートフォン読み取り中</source>
        <translation>Reading the phone</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>スマートフォンを読み取れず</source>
        <translation>Phone not read</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/card_io.py" line="+1"/>
        <source>読み取りの途中でスマートフォンが離れました。もう一度、1〜2秒かざしてください。</source>
        <translation>The phone was moved away during reading. Hold it again for 1–2 seconds.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>スマートフォンを読み取れませんでした。となりの読み取り機に、もう一度かざしてください。</source>
        <translation>The phone could not be read. Hold it over the reader beside this one again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/reception.py" line="+1"/>
        <source>スマートフォン用の読み取り機が使えません。マイナンバーカードを置いてください。</source>
        <translation>The reader for phones cannot be used. Please place your My Number Card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens.py" line="-740"/>
        <source>スマートフォンで受付</source>
        <translation>Use a smartphone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>スマートフォン（スマホ保険証）で受付する</source>
        <translation>Check in with a smartphone (health insurance on the phone)</translation>
    </message>
    <message>
        <location line="+576"/>
        <source>顔が一致しなかった回数：{failed}回&#x3000;顔認証の残り回数：{left}回</source>
        <translation>Not matched: {failed}. Face recognition tries left: {left}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{attempt}回目の撮影を確認しています</source>
        <translation>Checking capture {attempt}…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>練習用：このシナリオの目視モード用パスワードは「{password}」です</source>
        <translation>For practice: this scenario&apos;s visual-check password is “{password}”</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>お使いのスマートフォンを
選んでください</source>
        <translation>Choose
your phone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Androidで受付</source>
        <translation>Check in with Android</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>最初の画面に戻る</source>
        <translation>Back to the first screen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>スマホの暗証番号（数字4桁）を
入力してください</source>
        <translation>Enter your phone&apos;s PIN
(4 digits)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>マイナンバーカードの暗証番号ではありません。</source>
        <translation>Not your My Number Card&apos;s PIN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <location line="+41"/>
        <source>スマートフォンの種類の選択に戻る</source>
        <translation>Back to the choice of phone</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>スマートフォンを、
となりの読み取り機に
かざしてください</source>
        <translation>Hold your phone
over the reader
beside this one</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>→ 汎用カードリーダー（この読み取り機の横）</source>
        <translation>→ General-purpose card reader (beside this reader)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>iPhoneのサイドボタンを2回押して、顔認証（Face ID）または指紋認証（Touch ID）をしてから、かざしてください。</source>
        <translation>Double-press the iPhone&apos;s side button, confirm with Face ID or Touch ID, then hold it over the reader.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>動かさずに、1〜2秒かざしてください。</source>
        <translation>Hold it still for 1–2 seconds.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>スマートフォンを動かさないでください。</source>
        <translation>Please do not move the phone.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>もう一度かざす</source>
        <translation>Hold it again</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>もう一度スマートフォンをかざす</source>
        <translation>Hold the phone over the reader again</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>マイナンバーカードをお持ちの方は、「戻る」を押してからカードを置いてください。</source>
        <translation>If you have your My Number Card, press “Back” and then place the card.</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/practice.py" line="+160"/>
        <location filename="../../kiosk/domain/smartphone.py" line="-43"/>
        <source>マイナンバーカード（この読み取り機でも受付できます）</source>
        <translation>My Number Card (it also works on this reader)</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/smartphone.py" line="+10"/>
        <source>スマートフォンの暗証番号がロックされています</source>
        <translation>The phone&apos;s PIN is locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>スマホ用電子証明書の暗証番号を続けて間違えたため、スマートフォンの電子証明書がロックされました。マイナンバーカードの暗証番号とは別のもので、カードはそのまま使えます。</source>
        <translation>The PIN of the phone&apos;s certificate was entered wrongly too many times in a row, so the phone&apos;s certificate is locked. It is separate from the My Number Card&apos;s PIN: the card still works.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ロックの解除（パスワードの初期化）は、マイナポータルアプリで実物のマイナンバーカードを使って行えます。</source>
        <translation>The lock is released (password reset) in the Mynaportal app, using the My Number Card itself.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>このスマートフォンはマイナ保険証として使えません</source>
        <translation>This phone cannot be used as your health insurance card</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>スマートフォンの設定や電子証明書の状態は、マイナポータルアプリで確かめられます。</source>
        <translation>You can check the phone&apos;s setup and its certificate in the Mynaportal app.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>マイナンバーカードがこのスマートフォンに追加されていない（新しい機種では設定し直しが必要です）か、iPhoneで顔認証・指紋認証がすんでいない可能性があります。</source>
        <translation>Either the My Number Card has not been added to this phone (a new phone must be set up again), or Face ID or Touch ID was not done on the iPhone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>マイナポータルの資格情報画面（スマートフォンで表示）</source>
        <translation>The eligibility information screen of Mynaportal (shown on the phone)</translation>
    </message>
    <message>
        <location filename="../../kiosk/domain/practice.py" line="-27"/>
        <location filename="../../kiosk/domain/smartphone.py" line="+4"/>
        <source>初めての医療機関には、スマートフォンだけでなく実物のマイナンバーカードも持って行きましょう。</source>
        <translation>When you visit a clinic for the first time, take the My Number Card itself as well as your phone.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens.py" line="-85"/>
        <source>iPhoneで受付</source>
        <translation>Check in with iPhone</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/phone_route.py" line="+46"/>
        <source>iPhoneで顔認証（Face ID）または指紋認証（Touch ID）をしてから、もう一度かざしてください。</source>
        <translation>Confirm with Face ID or Touch ID on the iPhone, then hold it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>スマートフォンを読み取れませんでした。マイナンバーカードを追加したスマートフォンか確かめて、もう一度かざしてください。</source>
        <translation>The phone could not be read. Check that your My Number Card has been added to this phone, and hold it again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>選んだ種類と違うスマートフォンです。iPhoneかAndroidかを選び直してください。</source>
        <translation>This is not the kind of phone you chose. Choose iPhone or Android again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>マイナンバーカードは、こちらの顔認証付きカードリーダーに置いてください。横の読み取り機はスマートフォン用です。</source>
        <translation>Please place the My Number Card on this face-recognition card reader. The reader beside it is for phones.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>スマートフォンを読み取れませんでした。もう一度かざしてください。</source>
        <translation>The phone could not be read. Please hold it again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/phone_picker.py" line="+31"/>
        <source>iPhone（Face ID）</source>
        <translation>iPhone (Face ID)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Android（暗証番号 {pin}）</source>
        <translation>Android (PIN {pin})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>子どものスマホ（15歳未満はカードを追加できません）</source>
        <translation>A child&apos;s phone (no card can be added under 15)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新しい機種（カード未追加）</source>
        <translation>New phone (no card added)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>スマートフォン（練習用）</source>
        <translation>Phones (practice)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>練習用のスマートフォン</source>
        <translation>Practice phones</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>このシナリオには、スマホ保険証を持っている人がいません。</source>
        <translation>Nobody in this scenario has a phone set up as a health insurance card.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Face IDで確認</source>
        <translation>Face ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>かざす</source>
        <translation>Hold it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>離す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>カード用の読み取り機に置く</source>
        <translation>On the card reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>今までの読み取り機はスマートフォンを読めません（練習用）</source>
        <translation>Existing readers cannot read phones (practice)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>スマホのロックを解除</source>
        <translation>Unlock phone PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>マイナポータルアプリで行うパスワードの初期化の代わりです（練習用だけ）</source>
        <translation>Stands in for the password reset done in the Mynaportal app (practice phones only)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{person}のスマートフォン</source>
        <translation>{person}&apos;s phone</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>iPhone：確認済み。かざしてください</source>
        <translation>iPhone: confirmed, hold it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iPhone：Face IDで確認してください</source>
        <translation>iPhone: confirm with Face ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Android：暗証番号は読み取り機で入力</source>
        <translation>Android: PIN on the reader</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>iPhone：マイナンバーカードがありません</source>
        <translation>iPhone: no My Number Card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iPhone：顔を認識できませんでした</source>
        <translation>iPhone: face not recognised</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{name}さんのスマホのロックを解除しました（練習用）</source>
        <translation>Unlocked {name}&apos;s phone PIN (practice)</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/staff_actions.py" line="+22"/>
        <source>受付の途中です。カードを取り、待機画面に戻ってから切り替えてください。</source>
        <extracomment>Why a scenario cannot be switched now (Reception.use refuses it during a visit).</extracomment>
        <translation>A reception is in progress. Take the card away and wait for the start screen before switching.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>スマートフォンでの受付の途中です。受付が終わり、待機画面に戻ってから切り替えてください。</source>
        <extracomment>The same during a スマホ保険証 visit: there is no card to take; the visit ends when the phone is taken away from the 汎用カードリーダー after 受付完了, or by itself after a while.</extracomment>
        <translation>A smartphone reception is in progress. Switch once it has ended and the reader is back on the start screen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/flow/machine.py" line="-215"/>
        <source>カードリーダーが使えないため、目視確認はできません。</source>
        <translation>The card reader cannot be used, so no visual check is possible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>リーダーにカードが置かれていません。目視確認は、患者さんがカードを置き、本人確認の画面になってから始められます。</source>
        <translation>No card is on the reader. A visual check can start once the patient has placed their card and the reader asks how to confirm identity.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>カードを読み取っています。本人確認の画面になってから始めてください。</source>
        <translation>The card is being read. Start once the reader asks how to confirm identity.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>マイナンバーカードが読み取れていないため、目視確認はできません。</source>
        <translation>No My Number Card has been read, so no visual check is possible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暗証番号または顔を確認しています。結果が出てから始めてください。</source>
        <translation>The PIN or the face is being checked. Start once the result is shown.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目視確認の画面は、もうリーダーに表示されています。</source>
        <translation>The visual-check screen is already on the reader.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本人確認はもう済んでいます。目視確認は本人確認の代わりで、資格の確認が始まったあとには行えません。</source>
        <translation>Identity has already been confirmed. A visual check replaces the identity step and cannot be done once the eligibility check has started.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本人確認のあとの資格確認の結果です。目視確認をしても結果は変わりません。表示された書類で受付してください。</source>
        <extracomment>The fallback after the qualification check (one after a failed identity says NO_PHOTO_VISUAL instead).</extracomment>
        <translation>This is the eligibility result after identity was confirmed. A visual check does not change it: register the patient with the documents shown.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>受付は中止されました。カードを置き直すと、もう一度始められます。</source>
        <translation>The reception was cancelled. Placing the card again starts a new one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>スマホ保険証の受付では目視確認は使えません。本人確認はスマートフォンで行います。</source>
        <extracomment>Any step of a スマホ保険証 visit.</extracomment>
        <translation>A smartphone reception has no visual check: identity is confirmed on the phone.</translation>
    </message>
    <message>
        <location filename="../../kiosk/reader_messages.py" line="+17"/>
        <source>vsmartcard の仮想カードリーダー (vpcd) がネットワークに開いています（{listeners}）。このマシンに届く人は誰でも仮想リーダーにカードを差し出し、そのカードに送られる暗証番号を受け取れます。{config} を削除して（または vsmartcard-vpcd をアンインストールして）pcscd を再起動してください。vpcd には待ち受けるアドレスを 127.0.0.1 に限る設定がありません。使い続けるなら、ファイアウォールでポート {ports} を閉じてください</source>
        <translation>vsmartcard&apos;s virtual card reader (vpcd) is open to the network ({listeners}): anyone who reaches this machine can present a card in the virtual reader and receive the PIN sent to that card. Remove {config} (or uninstall vsmartcard-vpcd) and restart pcscd. vpcd has no setting to listen on 127.0.0.1 only; to keep it, block ports {ports} in the firewall</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>警告: 仮想カードリーダー (vpcd) がネットワークに開いています（{listeners}）。誰でもカードを差し出し、そのカードに入力された暗証番号を受け取れます。{config} を削除して pcscd を再起動してください（詳しくは kiosk readers）</source>
        <translation>Warning: the virtual card reader (vpcd) is open to the network ({listeners}): anyone can present a card there and receive the PIN typed for it. Remove {config} and restart pcscd (details: kiosk readers)</translation>
    </message>
    <message>
        <location filename="../../kiosk/cli.py" line="+100"/>
        <source>結果ファイルのフォルダーを使えません: {folder}</source>
        <translation>The result file folder cannot be used: {folder}</translation>
    </message>
    <message>
        <location filename="../../kiosk/problems.py" line="-10"/>
        <source>ターミナルで kiosk --check を実行すると、詳しい内容が英語で表示されます。</source>
        <extracomment>The start-up dialog&apos;s second line, pointing at the details (stderr speaks English).</extracomment>
        <translation>Run kiosk --check in a terminal for the details.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>登録カードの一覧を読み込めません: {file}</source>
        <translation>The list of registered cards cannot be read: {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>マイナ受付シミュレータを起動できません。</source>
        <translation>The My Number Reception Simulator cannot start.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>コマンドラインの指定に問題があるため、起動できません。</source>
        <translation>It cannot start: there is a problem with the command line.</translation>
    </message>
</context>
</TS>
